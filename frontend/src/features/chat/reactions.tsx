import type { Message, ReactionEmoji } from '@panoramix/contracts';
import type { RoomMember } from './room-title.ts';
import { reactionEmojis } from 'virtual:panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ReactionsProps {
  message: Message;
  members: readonly RoomMember[];
  me: string;
  onReact: (emoji: ReactionEmoji) => void;
}

/** Counts per emoji with who reacted (tooltip), mine pressed; a click toggles mine. */
export function Reactions({ message, members, me, onReact }: ReactionsProps) {
  const { t } = useTranslation('chat');
  const nameOf = (id: string) => members.find((m) => m.userId === id)?.displayName ?? t('someone');
  if (message.reactions.length === 0) return null;
  return (
    <ul className="chat-reactions" aria-label={t('reactions')}>
      {message.reactions.map((r) => (
        <li key={r.emoji}>
          <button
            type="button"
            className="chat-reaction"
            aria-pressed={r.userIds.includes(me)}
            title={r.userIds.map(nameOf).join(', ')}
            aria-label={t('reactionLabel', { emoji: r.emoji, count: r.count, names: r.userIds.map(nameOf).join(', ') })}
            onClick={() => onReact(r.emoji)}
          >
            {r.emoji} <span>{r.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The 12 emoji of the palette, behind one button. */
export function ReactionPicker({ onReact }: { onReact: (emoji: ReactionEmoji) => void }) {
  const { t } = useTranslation('chat');
  const [open, setOpen] = useState(false);
  return (
    <span className="chat-picker">
      <button type="button" className="chat-action" aria-expanded={open} onClick={() => setOpen(!open)} title={t('react')}>
        {t('react')}
      </button>
      {open && (
        <span
          className="chat-picker-menu"
          role="group"
          aria-label={t('react')}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          {reactionEmojis.map((emoji) => (
            <button
              key={emoji}
              type="button"
              aria-label={emoji}
              onClick={() => {
                setOpen(false);
                onReact(emoji);
              }}
            >
              {emoji}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
