import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeatureDefinition } from '../../app/registry.ts';
import { currentLocation, navigate } from '../../lib/location.ts';
import { createStore } from '../../lib/store.ts';
import { apiBase } from '../../platform/index.ts';
import { startDesktop } from './desktop-start.tsx';

// The desktop app's start, with the Rust side mocked at the platform's boundary (desktop/native.ts).
const native = vi.hoisted(() => {
  const stored: { servers: string[]; current: string | null } = { servers: [], current: null };
  const events: { deepLink?: (path: string) => void } = {};
  return {
    stored,
    events,
    serverStore: () =>
      Promise.resolve({
        get: (key: 'servers' | 'current') => Promise.resolve(stored[key]),
        set: (key: 'servers' | 'current', value: never) => Promise.resolve(void (stored[key] = value)),
        save: () => Promise.resolve(),
      }),
    checkServer: vi.fn(() => Promise.resolve({ ok: true })),
    onDeepLink: (listener: (path: string) => void) => Promise.resolve(void (events.deepLink = listener)),
    deepLinkPending: vi.fn(() => Promise.resolve<string | null>(null)),
    tray: { setLabels: vi.fn(() => Promise.resolve()) },
    openExternal: vi.fn(() => Promise.resolve()),
  };
});
vi.mock('../../platform/desktop/native.ts', () => native);
// The tray's count goes through powers.ts (its desktop side is tested in platform/powers.desktop.test.ts).
const powers = vi.hoisted(() => ({ setUnreadCount: vi.fn() }));
vi.mock('../../platform/powers.ts', () => powers);

const badge = createStore(0);
const features = [{ id: 'chat', badge } as unknown as FeatureDefinition];

beforeEach(() => {
  Object.assign(native.stored, { servers: [], current: null });
  vi.clearAllMocks();
  badge.set(0);
  act(() => navigate('/'));
});

describe('the desktop app’s start', () => {
  it('asks for the server on the first run, checks it, remembers it, then signs in there', async () => {
    const boot = vi.fn(() => Promise.resolve());
    const started = startDesktop({ boot, features });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Adresse du serveur'), 'panoramix.example.org');
    expect(boot).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    await started;
    expect(native.checkServer).toHaveBeenCalledWith('https://panoramix.example.org');
    expect(native.stored).toEqual({ servers: ['https://panoramix.example.org'], current: 'https://panoramix.example.org' });
    expect(apiBase()).toBe('https://panoramix.example.org');
    expect(boot).toHaveBeenCalledOnce();
    expect(screen.queryByLabelText('Adresse du serveur')).toBeNull();
  });

  it('starts on the saved server, follows deep links and the unread count, names the tray in French', async () => {
    Object.assign(native.stored, { servers: ['https://a.example'], current: 'https://a.example' });
    native.deepLinkPending.mockResolvedValueOnce('/tasks?open=abc');
    const boot = vi.fn(() => Promise.resolve());
    await startDesktop({ boot, features });
    expect(apiBase()).toBe('https://a.example');
    expect(boot).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(currentLocation()).toEqual({ pathname: '/tasks', search: '?open=abc' }));
    act(() => native.events.deepLink?.('/notes/123'));
    expect(currentLocation().pathname).toBe('/notes/123');
    act(() => native.events.deepLink?.('//evil.example/x'));
    expect(currentLocation().pathname).toBe('/notes/123');
    expect(native.tray.setLabels).toHaveBeenCalledWith({
      show: 'Afficher',
      autostart: 'Lancer au démarrage',
      minimise: 'Réduire dans la barre',
      quit: 'Quitter',
    });
    badge.set(3);
    expect(powers.setUnreadCount).toHaveBeenLastCalledWith(3);
  });

  it('opens links meant for a new tab in the system browser', async () => {
    Object.assign(native.stored, { current: 'https://a.example' });
    await startDesktop({ boot: () => Promise.resolve(), features: [] });
    const link = Object.assign(document.body.appendChild(document.createElement('a')), {
      href: 'https://docs.example/page',
      target: '_blank',
      textContent: 'docs',
    });
    await userEvent.setup().click(link);
    expect(native.openExternal).toHaveBeenCalledWith('https://docs.example/page');
    link.remove();
  });
});
