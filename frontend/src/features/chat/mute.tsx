import type { RoomView } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { useMuteRoom } from './use-rooms.ts';

/** A bell, struck through when muted; drawn here so the shell's icon set stays as small as it is. */
function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg className="chat-bell" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  );
}

/** Mutes or unmutes the room for me: a pressed toggle, labelled with the room it acts on. */
export function MuteButton({ room, title, className }: { room: RoomView; title: string; className?: string }) {
  const { t } = useTranslation('chat');
  const mute = useMuteRoom();
  return (
    <Button
      variant="ghost"
      icon
      className={className}
      aria-pressed={room.muted}
      aria-label={t(room.muted ? 'unmuteRoom' : 'muteRoom', { name: title })}
      title={t(room.muted ? 'unmuteRoom' : 'muteRoom', { name: title })}
      disabled={mute.isPending}
      onClick={() => mute.mutate({ roomId: room.id, muted: !room.muted })}
    >
      <BellIcon muted={room.muted} />
    </Button>
  );
}
