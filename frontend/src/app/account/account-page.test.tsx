import type { User } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { navigate } from '../../lib/location.ts';
import { sessionStore } from '../auth/session-store.ts';
import AccountPage from './account-page.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const someone = (role: User['role']): User => ({
  id: 'a'.repeat(24),
  username: 'ada',
  displayName: 'Ada',
  role,
  disabled: false,
  avatarFileId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

function open(path: string, role: User['role']) {
  sessionStore.set({ phase: 'signed-in', user: someone(role) });
  vi.mocked(call).mockResolvedValue({ items: [], nextCursor: null });
  navigate(path);
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <AccountPage />
    </QueryClientProvider>,
  );
}

afterEach(() => navigate('/'));

describe('the account page', () => {
  it('offers user management to admins only', () => {
    const { unmount } = open('/account', 'admin');
    expect(screen.getByRole('link', { name: 'Gérer les utilisateurs' }).getAttribute('href')).toBe('/account/users');
    unmount();
    open('/account', 'user');
    expect(screen.getByRole('heading', { name: 'Compte', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Gérer les utilisateurs' })).toBeNull();
  });

  it('shows a non-admin who types the address that the page is not for them, and asks the server nothing', () => {
    open('/account/users', 'user');
    expect(screen.getByRole('alert').textContent).toBe('Cette page est réservée aux administrateurs.');
    expect(vi.mocked(call).mock.calls.map(([route]) => route.path)).not.toContain('/api/users');
  });

  it('lists the accounts for an admin', async () => {
    open('/account/users', 'admin');
    expect(await screen.findByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeTruthy();
    expect(vi.mocked(call).mock.calls.map(([route]) => route.path)).toContain('/api/users');
  });
});
