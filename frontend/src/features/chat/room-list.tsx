import type { RoomView } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/link.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { messageSummary } from './message-summary.ts';
import { MuteButton } from './mute.tsx';
import { PresenceDot } from './presence-dot.tsx';
import { otherMember, roomTitle } from './room-title.ts';
import { useRooms } from './use-rooms.ts';

function RoomRow({ room, me, current }: { room: RoomView; me: string; current: boolean }) {
  const { t } = useTranslation('chat');
  const last = room.lastMessage;
  const preview = !last ? t('noMessagesYet') : last.deletedAt ? t('deleted') : messageSummary(last);
  const title = roomTitle(room, me);
  return (
    <li className="chat-room-row" data-muted={room.muted}>
      <Link to={`/chat/${room.id}`} className="chat-room" aria-current={current ? 'page' : undefined}>
        {room.type === 'direct' ? (
          <PresenceDot userId={otherMember(room, me)?.userId} />
        ) : (
          <span className="chat-group-mark">#</span>
        )}
        <span className="chat-room-text">
          <span className="chat-room-title">{title}</span>
          <span className="chat-room-last muted">{preview}</span>
        </span>
        {room.unreadCount > 0 && (
          <span className="chat-unread" aria-label={t('unread', { count: room.unreadCount })}>
            {room.unreadCount}
          </span>
        )}
      </Link>
      <MuteButton room={room} title={title} className="chat-room-mute" />
    </li>
  );
}

/** My rooms, most recent activity first (the cache keeps that order as messages arrive). */
export function RoomList({ me, current }: { me: string; current: string | undefined }) {
  const { t } = useTranslation('chat');
  const query = useRooms();
  return (
    <LoadState
      data={query.data}
      loading={query.isLoading}
      error={query.error}
      onRetry={() => void query.refetch()}
      isEmpty={(page) => page.items.length === 0}
      empty={t('noRooms')}
    >
      {(page) => (
        <ul className="chat-rooms" aria-label={t('rooms')}>
          {page.items.map((room) => (
            <RoomRow key={room.id} room={room} me={me} current={room.id === current} />
          ))}
        </ul>
      )}
    </LoadState>
  );
}
