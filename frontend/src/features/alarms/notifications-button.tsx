import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../../platform/index.ts';
import { Button } from '../../ui/button.tsx';

/**
 * Asks for the browser's permission to show notifications (browsers only ask after a click), so a
 * ringing alarm reaches a user on another tab or window; says so once granted or blocked.
 */
export function NotificationsButton() {
  const { t } = useTranslation('alarms');
  // The desktop app notifies without a browser permission: nothing to ask there.
  const supported = !isDesktop && typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(() => (supported ? Notification.permission : 'denied'));
  if (!supported) return null;
  if (permission === 'granted') return <span className="muted alarm-notify-state">{t('notifyOn')}</span>;
  if (permission === 'denied') return <span className="muted alarm-notify-state">{t('notifyBlocked')}</span>;
  return <Button onClick={() => void Notification.requestPermission().then(setPermission)}>{t('notify')}</Button>;
}
