import type { CalendarFeedStatus, CalendarSubscription } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../../api/client.ts';
import { ApiError } from '../../../api/problem.ts';
import { entityBase } from '../../../test-builders.ts';
import CalendarSubscriptionsPanel from './panel.tsx';
import { subscriptionEvents } from './subscription-cache.ts';

vi.mock('../../../api/client.ts', () => ({ call: vi.fn() }));

function aSubscription(overrides: Partial<CalendarSubscription> = {}): CalendarSubscription {
  const { n, ...base } = entityBase();
  return {
    ...base,
    name: `Agenda ${n}`,
    url: `https://calendar.example.test/${n}.ics`,
    intervalMinutes: 60,
    lastFetchedAt: '2026-12-01T09:00:00.000Z',
    refreshing: false,
    etag: null,
    lastModified: null,
    lastError: null,
    lastCounts: { created: 3, updated: 1, removed: 0, skipped: 0, notModified: false },
    ...overrides,
  };
}

/** Answers the panel's calls by route, as the server would. */
function serve(answers: { subscriptions?: CalendarSubscription[]; feed?: CalendarFeedStatus; create?: () => unknown }) {
  vi.mocked(call).mockImplementation(async (route: { method: string; path: string }) => {
    const key = `${route.method} ${route.path}`;
    if (key === 'get /api/calendar/subscriptions') return { items: answers.subscriptions ?? [] };
    if (key === 'get /api/calendar/feed') return answers.feed ?? { active: false, createdAt: null };
    if (key === 'post /api/calendar/subscriptions') return answers.create?.();
    if (key === 'post /api/calendar/feed')
      return { path: '/api/calendar/feed/secret-token.ics', createdAt: '2026-12-01T10:00:00.000Z' };
    throw new Error(`unexpected ${key}`);
  });
}

function renderPanel() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <CalendarSubscriptionsPanel />
    </QueryClientProvider>,
  );
  return queryClient;
}

beforeEach(() => {
  vi.mocked(call).mockReset();
});

describe('calendar subscriptions panel', () => {
  it('lists each subscription with how its last fetch went, a failure in words', async () => {
    serve({
      subscriptions: [
        aSubscription({ name: 'Équipe' }),
        aSubscription({
          name: 'Club',
          lastError: { reason: 'http-status', message: 'answered 404', at: '2026-12-01T09:30:00.000Z' },
        }),
      ],
    });
    renderPanel();
    const team = (await screen.findByText('Équipe')).closest('li')!;
    expect(team.textContent).toContain('ajoutés : 3, modifiés : 1, retirés : 0');
    const club = screen.getByText('Club').closest('li')!;
    expect(club.textContent).toContain('le serveur a répondu 404');
  });

  it('says why the server refused an address, under the address field', async () => {
    const refusal = new ApiError(
      400,
      {
        type: 'urn:panoramix:problem:validation-error',
        title: 'Invalid input',
        status: 400,
        errors: [{ path: 'body.url', message: 'targets 10.0.0.5, a private (RFC 1918) address', code: 'address' }],
      },
      undefined,
    );
    serve({
      create: () => {
        throw refusal;
      },
    });
    renderPanel();
    await screen.findByText('Aucun abonnement pour l’instant.');
    fireEvent.change(screen.getByLabelText('Adresse ICS'), { target: { value: 'http://10.0.0.5/cal.ics' } });
    fireEvent.click(screen.getByRole('button', { name: 'S’abonner' }));
    expect(await screen.findByText('cette adresse mène à un réseau privé ou local, refusée')).toBeTruthy();
    expect(call).toHaveBeenCalledWith(expect.objectContaining({ path: '/api/calendar/subscriptions' }), {
      body: { url: 'http://10.0.0.5/cal.ics', intervalMinutes: 60 },
    });
  });

  it('follows a fetch that ends elsewhere, from its event', async () => {
    const pending = aSubscription({ name: 'Équipe', refreshing: true, lastCounts: null, lastFetchedAt: null });
    serve({ subscriptions: [pending] });
    const queryClient = renderPanel();
    const row = (await screen.findByText('Équipe')).closest('li')!;
    expect(row.textContent).toContain('Actualisation…');
    const done = {
      ...pending,
      refreshing: false,
      updatedAt: '2026-12-01T11:00:00.000Z',
      lastFetchedAt: '2026-12-01T11:00:00.000Z',
      lastCounts: { created: 0, updated: 0, removed: 0, skipped: 0, notModified: true },
    };
    act(() => subscriptionEvents['calendar.subscription.updated']!(queryClient, done));
    await expect.poll(() => row.textContent).toContain('rien de changé');
  });

  it('shows a new feed address once, whole, with a copy button; a second one asks first', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    serve({});
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Créer l’adresse' }));
    const address = (await screen.findByLabelText('Adresse du flux')) as HTMLInputElement;
    expect(address.value).toBe(`${window.location.origin}/api/calendar/feed/secret-token.ics`);
    fireEvent.click(screen.getByRole('button', { name: 'Copier' }));
    await expect.poll(() => writeText.mock.calls[0]?.[0]).toBe(address.value);

    fireEvent.click(screen.getByRole('button', { name: 'Nouvelle adresse' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('L’adresse actuelle cessera aussitôt de fonctionner');
    const regenerations = () => vi.mocked(call).mock.calls.filter(([route]) => route.method === 'post').length;
    expect(regenerations()).toBe(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Nouvelle adresse' }));
    await expect.poll(regenerations).toBe(2);
  });
});
