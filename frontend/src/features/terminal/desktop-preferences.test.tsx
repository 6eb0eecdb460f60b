import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import DesktopPreferences from './desktop-preferences.tsx';

// Préférences → Application de bureau, with the Rust side mocked at the platform's boundary.
vi.mock('../../platform/index.ts', () => ({ isDesktop: true, apiBase: () => 'https://a.example', clientHeaders: {} }));
const native = vi.hoisted(() => {
  const stored = { servers: ['https://a.example', 'https://b.example'], current: 'https://a.example' as string | null };
  return {
    stored,
    serverStore: () =>
      Promise.resolve({
        get: (key: 'servers' | 'current') => Promise.resolve(stored[key]),
        set: (key: 'servers' | 'current', value: never) => Promise.resolve(void (stored[key] = value)),
        save: () => Promise.resolve(),
      }),
    checkServer: vi.fn(() => Promise.resolve({ ok: true })),
    autostart: { isEnabled: () => Promise.resolve(false) },
    minimiseToTray: { get: () => Promise.resolve(false) },
  };
});
vi.mock('../../platform/desktop/native.ts', () => native);

beforeEach(() => {
  Object.assign(native.stored, { servers: ['https://a.example', 'https://b.example'], current: 'https://a.example' });
});

describe('Préférences → Application de bureau', () => {
  it('switches to a saved server only once confirmed, then starts again there', async () => {
    const user = userEvent.setup();
    render(<DesktopPreferences />);
    expect(screen.getByText('Serveur actuel : https://a.example')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Passer à https://b.example' }));
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(native.stored.current).toBe('https://a.example');
    await user.click(screen.getByRole('button', { name: 'Passer à https://b.example' }));
    await user.click(screen.getByRole('button', { name: 'Changer' }));
    // Then the app starts again on it (location.assign('/'), which jsdom does not follow).
    await vi.waitFor(() => expect(native.stored.current).toBe('https://b.example'));
  });
});
