import type { RoomMember } from './room-title.ts';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../lib/store.ts';
import { typingStore } from './chat-state.ts';

/** "X écrit…" under the messages; the line keeps its height so the list does not jump. */
export function TypingLine({ roomId, members }: { roomId: string; members: readonly RoomMember[] }) {
  const { t } = useTranslation('chat');
  const typing = useStore(typingStore)[roomId] ?? {};
  const names = Object.keys(typing).map((id) => members.find((m) => m.userId === id)?.displayName ?? t('someone'));
  return (
    <p className="chat-typing" aria-live="polite">
      {names.length === 0 ? '' : t('typing', { count: names.length, names: names.join(', ') })}
    </p>
  );
}
