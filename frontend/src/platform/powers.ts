/**
 * The native powers features use, each doing the browser's nearest equivalent when the app is not
 * the desktop one (or nothing, where a browser has none). The desktop side is fetched on first use,
 * on desktop only, so none of Tauri's code reaches a browser.
 */
import { isDesktop } from './index.ts';

const native = () => import('./desktop/native.ts');

/** A notification outside the window. In a browser only once the user allowed them (the feature asks). */
export async function showNotification({ title, body, tag, onClick }: NotificationRequest): Promise<void> {
  if (isDesktop) return (await native()).notify(title, body);
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    notification.close();
    onClick?.();
  };
}
export interface NotificationRequest {
  title: string;
  body: string;
  /** A newer notification with the same tag replaces the older one (browsers). */
  tag: string;
  onClick?: () => void;
}

/** Whether a button should offer to allow notifications: the desktop app needs no browser permission. */
export const canAskNotifications = () =>
  !isDesktop && typeof Notification !== 'undefined' && Notification.permission === 'default';

export async function copyText(text: string): Promise<void> {
  if (isDesktop) return (await native()).copyText(text);
  await navigator.clipboard.writeText(text);
}

/** Saves bytes under `name`: the save dialog on desktop, the browser's downloads otherwise. */
export async function saveBlob(blob: Blob, name: string): Promise<void> {
  if (isDesktop) {
    await (await native()).saveFile(name, blob);
    return;
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The tray icon's unread count (desktop); a browser has no tray, the tab's badge says it. */
export function setUnreadCount(count: number): void {
  if (isDesktop) void native().then((n) => n.tray.setUnread(count));
}
