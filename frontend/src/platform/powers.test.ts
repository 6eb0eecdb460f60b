import { afterEach, describe, expect, it, vi } from 'vitest';
import { canAskNotifications, copyText, saveBlob, setUnreadCount, showNotification } from './powers.ts';

// A browser: no __TAURI_INTERNALS__, so every power is the browser's own, and nothing native is loaded.
vi.mock('./desktop/native.ts', () => {
  throw new Error('the desktop side must not load in a browser');
});

afterEach(() => vi.unstubAllGlobals());

function stubNotifications(permission: NotificationPermission) {
  const shown: { title: string; body?: string | undefined }[] = [];
  const constructor = Object.assign(
    function Notification(this: { onclick?: () => void; close: () => void }, title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body });
      this.close = () => undefined;
    },
    { permission },
  );
  vi.stubGlobal('Notification', constructor);
  return shown;
}

describe('in a browser', () => {
  it('notifies only once the user allowed it', async () => {
    const refused = stubNotifications('default');
    await showNotification({ title: 'Bruno', body: 'Salut', tag: 'r1' });
    expect(refused).toEqual([]);
    expect(canAskNotifications()).toBe(true);
    const allowed = stubNotifications('granted');
    await showNotification({ title: 'Bruno', body: 'Salut', tag: 'r1' });
    expect(allowed).toEqual([{ title: 'Bruno', body: 'Salut' }]);
    expect(canAskNotifications()).toBe(false);
  });

  it('does nothing where the browser has no notifications', async () => {
    vi.stubGlobal('Notification', undefined);
    await expect(showNotification({ title: 'x', body: 'y', tag: 'z' })).resolves.toBeUndefined();
    expect(canAskNotifications()).toBe(false);
  });

  it('copies through the browser clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await copyText('bonjour');
    expect(writeText).toHaveBeenCalledWith('bonjour');
  });

  it('saves a download under its name through a link', async () => {
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => undefined;
    await saveBlob(new Blob(['a']), 'rapport.pdf');
    expect(clicked).toEqual(['rapport.pdf']);
    click.mockRestore();
  });

  it('has no tray: the unread count changes nothing and loads nothing', () => {
    expect(() => setUnreadCount(3)).not.toThrow();
  });
});
