import type { Message, RoomView } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/link.tsx';
import { Button } from '../../ui/button.tsx';
import type { MessagePages } from './chat-cache.ts';
import { Composer } from './composer.tsx';
import type { ComposerMode } from './composer.tsx';
import { MessageList } from './message-list.tsx';
import { MuteButton } from './mute.tsx';
import { PresenceDot } from './presence-dot.tsx';
import { otherMember, roomTitle } from './room-title.ts';
import { TypingLine } from './typing-line.tsx';
import { useMessageActions } from './use-message-actions.ts';
import { useMessages } from './use-messages.ts';
import { useLeaveRoom } from './use-rooms.ts';

/** My newest message still shown with its text: what ↑ edits. */
export function lastOwnMessage(pages: Pick<MessagePages, 'pages'> | undefined, me: string): Message | undefined {
  for (const page of pages?.pages ?? []) {
    const found = page.items.find((m) => m.userId === me && !m.deletedAt);
    if (found) return found;
  }
  return undefined;
}

/** One open room: its header, history, typing line and composer. */
export function RoomPane({ room, me }: { room: RoomView; me: string }) {
  const { t } = useTranslation('chat');
  const [mode, setMode] = useState<ComposerMode>({ kind: 'new' });
  const actions = useMessageActions();
  const leave = useLeaveRoom();
  const other = otherMember(room, me);
  const lastOwn = lastOwnMessage(useMessages(room.id).data, me);
  return (
    <div className="chat-room-pane">
      <header className="chat-room-header">
        {other && <PresenceDot userId={other.userId} />}
        <h2>{roomTitle(room, me)}</h2>
        <MuteButton room={room} title={roomTitle(room, me)} />
        {room.type === 'group' && (
          <>
            <span className="muted" title={room.members.map((m) => m.displayName).join(', ')}>
              {t('memberCount', { count: room.members.length })}
            </span>
            <Link to={`/chat/${room.id}/settings`} className="btn btn-ghost chat-leave">
              {t('settings')}
            </Link>
            <Button variant="ghost" onClick={() => leave.mutate(room.id)} disabled={leave.isPending}>
              {t('leave')}
            </Button>
          </>
        )}
      </header>
      <MessageList
        room={room}
        me={me}
        onReply={(to) => setMode({ kind: 'reply', to })}
        onEdit={(m) => setMode({ kind: 'edit', message: m })}
      />
      <TypingLine roomId={room.id} members={room.members} />
      <Composer
        roomId={room.id}
        mode={mode}
        onModeChange={setMode}
        lastOwn={lastOwn}
        onSend={(text, replyTo, fileIds) => actions.send(room.id, text, replyTo, fileIds)}
        onEdit={(message, text) => void actions.edit(message.id, text)}
      />
    </div>
  );
}
