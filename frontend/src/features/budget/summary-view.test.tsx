import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { replicaKey } from '../../api/replica/replica-cache.ts';
import SummaryView, { monthsSpanned, yearAgo } from './summary-view.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

type Query = { by: string; from?: string; to?: string };
const row = (month: string | null, key: string | null, totalCents: number, count = 1) => ({
  month,
  key,
  totalCents,
  vatCents: 0,
  count,
});

function serve() {
  vi.mocked(call).mockImplementation((async (_route: unknown, input: { query: Query }) => {
    if (input.query.by === 'month') {
      return { by: 'month', rows: [row('2026-09', null, 10000, 2), row('2026-11', null, 30000, 1)], totalCents: 40000, count: 3 };
    }
    return {
      by: input.query.by,
      rows: [row(null, 'free', 10000, 2), row(null, 'ovh', 30000, 1)],
      totalCents: 40000,
      count: 3,
    };
  }) as never);
}

const asked = () => vi.mocked(call).mock.calls.map(([, input]) => (input as { query: Query }).query);
const nbsp = (text: string | null | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');

function renderView() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(replicaKey('projects'), { version: 'v1', items: [] });
  render(
    <QueryClientProvider client={queryClient}>
      <SummaryView />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.mocked(call).mockReset();
});

describe('Budget · Synthèse', () => {
  it('draws a bar per month, an empty month included, each named with its total', async () => {
    serve();
    renderView();
    const chart = await screen.findByRole('list', { name: 'Par mois' });
    const bars = within(chart)
      .getAllByRole('listitem')
      .map((bar) => nbsp(bar.getAttribute('aria-label')));
    expect(bars).toEqual(['sept. 26 : 100,00 €', 'oct. 26 : 0,00 €', 'nov. 26 : 300,00 €']);
    expect(nbsp(screen.getByText(/^Total :/).textContent)).toBe('Total : 400,00 € sur 3 lignes');
  });

  it('breaks the total down by vendor, largest first, with shares, then by team on demand', async () => {
    serve();
    renderView();
    const table = await screen.findByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((tr) => nbsp(tr.textContent));
    expect(rows).toEqual(['ovh300,00 €75 %1', 'free100,00 €25 %2']);
    fireEvent.click(screen.getByRole('radio', { name: 'Équipe' }));
    await expect.poll(() => asked().map((query) => query.by)).toContain('team');
  });

  it('asks for the typed range, a year back by default', async () => {
    serve();
    renderView();
    await screen.findByRole('table');
    expect(asked()[0]).toEqual({ by: 'month', from: yearAgo() });
    fireEvent.change(screen.getByRole('textbox', { name: 'Au' }), { target: { value: '30/11/2026' } });
    await expect.poll(() => asked().at(-1)).toEqual({ by: 'vendor', from: yearAgo(), to: '2026-11-30' });
  });
});

describe('monthsSpanned', () => {
  it('fills the months between, across a new year', () => {
    expect(monthsSpanned(['2027-01', '2026-11'])).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsSpanned([])).toEqual([]);
  });
});
