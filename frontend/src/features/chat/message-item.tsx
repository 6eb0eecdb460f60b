import type { Message, ReactionEmoji } from '@panoramix/contracts';
import type { RoomMember } from './room-title.ts';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../platform/powers.ts';
import { useFormat } from '../../ui/format.ts';
import { showToast } from '../../ui/toast.tsx';
import { Attachments } from './attachments.tsx';
import { MessageText } from './message-text.tsx';
import { ReactionPicker, Reactions } from './reactions.tsx';

interface MessageItemProps {
  message: Message;
  members: readonly RoomMember[];
  usernames: ReadonlySet<string>;
  me: string;
  /** "Vu" under my newest message the other person of a direct room has read. */
  seen: boolean;
  onReply: (message: Message) => void;
  onEdit: (message: Message) => void;
  onDelete: (message: Message) => void;
  onReact: (message: Message, emoji: ReactionEmoji) => void;
}

export function MessageItem({ message, members, usernames, me, seen, onReply, onEdit, onDelete, onReact }: MessageItemProps) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  const mine = message.userId === me;
  const author = members.find((m) => m.userId === message.userId)?.displayName ?? t('someone');
  const deleted = message.deletedAt !== null;
  const copyMessage = (text: string) =>
    void copyText(text).then(
      () => showToast(t('copied')),
      () => showToast(t('copyFailed'), 'error'),
    );
  return (
    <li className="chat-message" data-mine={mine} data-message-id={message.id} aria-label={t('messageFrom', { name: author })}>
      <div className="chat-meta">
        <strong>{author}</strong>
        <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
        {message.editedAt && !deleted && <span className="muted">{t('edited')}</span>}
      </div>
      {message.replyTo && (
        <blockquote className="chat-reply-quote">{message.replyTo.deleted ? t('deleted') : message.replyTo.excerpt}</blockquote>
      )}
      {deleted ? (
        <p className="chat-deleted">{t('deleted')}</p>
      ) : (
        message.text && <MessageText text={message.text} usernames={usernames} />
      )}
      {!deleted && <Attachments files={message.attachments} />}
      {!deleted && <Reactions message={message} members={members} me={me} onReact={(emoji) => onReact(message, emoji)} />}
      {!deleted && (
        <div className="chat-actions">
          <ReactionPicker onReact={(emoji) => onReact(message, emoji)} />
          <button type="button" className="chat-action" onClick={() => onReply(message)}>
            {t('reply')}
          </button>
          {message.text && (
            <button type="button" className="chat-action" onClick={() => copyMessage(message.text)}>
              {t('copy')}
            </button>
          )}
          {mine && (
            <>
              <button type="button" className="chat-action" onClick={() => onEdit(message)}>
                {t('edit')}
              </button>
              <button type="button" className="chat-action" onClick={() => onDelete(message)}>
                {t('delete')}
              </button>
            </>
          )}
        </div>
      )}
      {seen && <p className="chat-seen">{t('seen')}</p>}
    </li>
  );
}
