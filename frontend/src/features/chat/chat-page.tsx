import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/session-store.ts';
import { Link } from '../../ui/link.tsx';
import { useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { Page } from '../../ui/page.tsx';
import { SplitPane, SplitPlaceholder } from '../../ui/split-pane.tsx';
import { ContactsPanel } from './contacts-panel.tsx';
import { NewRoom } from './new-room.tsx';
import { askNotifications, canAskNotifications } from './notify.ts';
import { RoomList } from './room-list.tsx';
import { RoomPane } from './room-pane.tsx';
import { RoomSettings } from './room-settings.tsx';
import { useRooms } from './use-rooms.ts';
import './messages.ts';
import './chat.css';

/** Asks for notification permission once, from this click; hidden once answered. */
function NotificationsButton() {
  const { t } = useTranslation('chat');
  const [askable, setAskable] = useState(canAskNotifications);
  if (!askable) return null;
  return (
    <Button variant="ghost" onClick={() => void askNotifications().then(() => setAskable(false))}>
      {t('enableNotifications')}
    </Button>
  );
}

function OpenRoom({ id, me, settings }: { id: string; me: string; settings: boolean }) {
  const { t } = useTranslation('chat');
  const room = useRooms().data?.items.find((r) => r.id === id);
  if (!room) return <SplitPlaceholder>{t('roomNotFound')}</SplitPlaceholder>;
  if (settings && room.type === 'group') return <RoomSettings key={room.id} room={room} me={me} />;
  return <RoomPane key={room.id} room={room} me={me} />;
}

/** `/chat`, `/chat/new`, `/chat/contacts`, `/chat/<roomId>`, `/chat/<roomId>/settings`: my rooms beside the open one. */
export default function ChatPage() {
  const { t } = useTranslation('chat');
  const session = useSession();
  const me = session.phase === 'signed-in' ? session.user.id : '';
  const [, , open, sub] = useLocation().pathname.split('/');

  let pane = <SplitPlaceholder>{t('pick')}</SplitPlaceholder>;
  if (open === 'new') pane = <NewRoom />;
  else if (open === 'contacts') pane = <ContactsPanel />;
  else if (open) pane = <OpenRoom id={open} me={me} settings={sub === 'settings'} />;

  return (
    <Page titleId="chat-title" title={t('title')} className="chat-page">
      <SplitPane
        listLabel={t('rooms')}
        list={
          <>
            <div className="chat-sidebar-actions">
              <Link to="/chat/new" className="btn btn-primary">
                {t('newRoom')}
              </Link>
              <Link to="/chat/contacts" className="btn">
                {t('contacts')}
              </Link>
              <NotificationsButton />
            </div>
            <RoomList me={me} current={open} />
          </>
        }
        open={Boolean(open)}
        back={{ to: '/chat', label: t('back') }}
      >
        {pane}
      </SplitPane>
    </Page>
  );
}
