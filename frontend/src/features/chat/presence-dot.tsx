import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { usePresence } from './use-presence.ts';

/** A coloured dot (online / away / offline) whose label says it, with the last time seen. */
export function PresenceDot({ userId }: { userId: string | undefined }) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  const presence = usePresence(userId);
  const status = presence?.status ?? 'offline';
  const label =
    status === 'offline' && presence?.lastSeenAt
      ? t('lastSeen', { date: format.dateTime(presence.lastSeenAt) })
      : t(`presence.${status}`);
  return <span className="chat-presence" data-status={status} role="img" aria-label={label} title={label} />;
}
