import { beforeEach, describe, expect, it, vi } from 'vitest';
import { canAskNotifications, copyText, saveBlob, setUnreadCount, showNotification } from './powers.ts';

// The desktop app, mocked at the platform's boundary: the calls into Rust (desktop/native.ts).
vi.mock('./index.ts', () => ({ isDesktop: true }));
const native = vi.hoisted(() => ({
  notify: vi.fn(() => Promise.resolve()),
  copyText: vi.fn(() => Promise.resolve()),
  saveFile: vi.fn(() => Promise.resolve('/home/me/rapport.pdf')),
  tray: { setUnread: vi.fn(() => Promise.resolve()) },
}));
vi.mock('./desktop/native.ts', () => native);

beforeEach(() => vi.clearAllMocks());

describe('in the desktop app', () => {
  it('notifies natively, without asking a browser permission', async () => {
    vi.stubGlobal('Notification', undefined);
    await showNotification({ title: 'Bruno', body: 'Salut', tag: 'r1' });
    expect(native.notify).toHaveBeenCalledWith('Bruno', 'Salut');
    expect(canAskNotifications()).toBe(false);
    vi.unstubAllGlobals();
  });

  it('copies through the system clipboard and saves through the save dialog', async () => {
    await copyText('bonjour');
    expect(native.copyText).toHaveBeenCalledWith('bonjour');
    const blob = new Blob(['a']);
    await saveBlob(blob, 'rapport.pdf');
    expect(native.saveFile).toHaveBeenCalledWith('rapport.pdf', blob);
  });

  it('shows the unread count on the tray', async () => {
    setUnreadCount(4);
    await vi.waitFor(() => expect(native.tray.setUnread).toHaveBeenCalledWith(4));
  });
});
