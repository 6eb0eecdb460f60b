import type { Message, ReactionEmoji, RoomView } from '@panoramix/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { viewStore } from './chat-state.ts';
import type { PendingMessage } from './chat-state.ts';
import { MessageItem } from './message-item.tsx';
import { PendingItem } from './pending-item.tsx';
import { otherMember } from './room-title.ts';
import { useMessageActions } from './use-message-actions.ts';
import { useMessages } from './use-messages.ts';
import { useFocusedMessage } from './use-focused-message.ts';
import { useMarkRead } from './use-rooms.ts';
import { useScrollAnchor } from './use-scroll-anchor.ts';
import { useVisible } from './use-visible.ts';

interface MessageListProps {
  room: RoomView;
  me: string;
  onReply: (message: Message) => void;
  onEdit: (message: Message) => void;
}

/** A room's history, oldest at the top; read up to the newest message while on screen at the bottom. */
export function MessageList({ room, me, onReply, onEdit }: MessageListProps) {
  const { t } = useTranslation('chat');
  const query = useMessages(room.id);
  const { messages, pending, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const actions = useMessageActions();
  const markRead = useMarkRead();
  const visible = useVisible();
  const onTop = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const newest = messages.at(-1);
  const { ref, onScroll, atBottom } = useScrollAnchor({
    oldestId: messages[0]?.id,
    newestId: newest?.id ?? pending.at(-1)?.clientId,
    onTop,
  });
  useFocusedMessage(ref, messages, query);

  useEffect(() => {
    viewStore.set({ roomId: room.id, atBottom });
    return () => viewStore.set({ roomId: null, atBottom: true });
  }, [room.id, atBottom]);

  const mine = room.members.find((m) => m.userId === me);
  const unread = room.unreadCount > 0 || (newest && newest.userId !== me && (mine?.lastReadMessageId ?? '') < newest.id);
  const markable = newest && unread && atBottom && visible && !markRead.isPending;
  useEffect(() => {
    if (markable) markRead.mutate({ roomId: room.id, messageId: newest.id });
  }, [markable, newest, room.id, markRead]);

  const usernames = useMemo(() => new Set(room.members.map((m) => m.username.toLowerCase())), [room.members]);
  const other = otherMember(room, me);
  const seenId = other?.lastReadMessageId
    ? messages.findLast((m) => m.userId === me && m.id <= (other.lastReadMessageId ?? ''))?.id
    : undefined;
  const react = (message: Message, emoji: ReactionEmoji) => void actions.react(message.id, emoji);
  // Deleting shows "message supprimé" to every member and cannot be undone: it asks first.
  const [deleting, setDeleting] = useState<Message>();
  const remove = (message: Message) => setDeleting(message);

  return (
    <div className="chat-scroll" ref={ref} onScroll={onScroll}>
      {isFetchingNextPage && <p className="muted chat-older">{t('loadingOlder')}</p>}
      <LoadState
        data={query.data}
        loading={query.isLoading}
        error={query.error}
        onRetry={() => void query.refetch()}
        isEmpty={() => messages.length === 0 && pending.length === 0}
        empty={t('noMessages')}
      >
        {() => (
          <ol className="chat-messages" aria-label={t('messages')}>
            {messages.map((message) => (
              <MessageItem
                key={message.id}
                {...{ message, me, usernames, onReply, onEdit, onReact: react, onDelete: remove }}
                members={room.members}
                seen={message.id === seenId}
              />
            ))}
            {pending.map((p: PendingMessage) => (
              <PendingItem key={p.clientId} pending={p} onRetry={actions.retry} />
            ))}
          </ol>
        )}
      </LoadState>
      {deleting && (
        <ConfirmDialog
          title={t('deleteMessageTitle')}
          pending={false}
          onConfirm={() => {
            void actions.remove(deleting.id);
            setDeleting(undefined);
          }}
          onClose={() => setDeleting(undefined)}
        >
          <p>{t('deleteMessageBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
