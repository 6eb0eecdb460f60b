import type { BudgetLine } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { Toaster } from '../../ui/toast.tsx';
import { aLine as aBudgetLine } from './budget-test-data.ts';
import './messages.ts';
import ReviewView from './review-view.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

/** A Free Mobile bill, unless told otherwise: the pairs below differ from it in a field or two. */
const aLine = (overrides: Partial<BudgetLine> = {}) =>
  aBudgetLine({ date: '2026-11-03', vendor: 'Free Mobile', amountCents: 1999, ...overrides });

const callMock = vi.mocked(call);
const sent = (path: string) =>
  callMock.mock.calls.filter(([route]) => (route as { path: string }).path === path).map(([, input]) => input);

const typed = aLine({ notes: 'forfait' });
const imported = aLine({ source: 'import', importFile: 'bnp.csv', label: 'PRLV FREE MOBILE' });
const garage = aLine({ vendor: 'Garage', amountCents: 30000, date: '2026-10-01' });
const part = aLine({ vendor: 'Garage', amountCents: 30000, date: '2026-10-02', invoiceNumber: 'G-1' });

beforeEach(() => {
  callMock.mockReset();
  callMock.mockImplementation(async (route) => {
    const { path } = route as { path: string };
    if (path === '/api/budget/review') {
      return {
        items: [
          { line: typed, duplicates: { matchKind: 'hash', candidates: [imported] } },
          { line: garage, duplicates: { matchKind: 'invoiceNumber', candidates: [part] } },
        ],
      } as never;
    }
    if (path === '/api/budget/review/merge')
      return { id: 'f'.repeat(24), line: typed, removedId: imported.id, filled: [] } as never;
    return undefined as never;
  });
});

function renderReview() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ReviewView />
      <Toaster />
    </QueryClientProvider>,
  );
}
const press = (key: string) => fireEvent.keyDown(window, { key });
const current = () => document.querySelector('.review-pair[aria-current="true"]') as HTMLElement;

describe('Vérifier', () => {
  it('shows each possible duplicate side by side, field by field, with why it matched', async () => {
    renderReview();
    const pair = await screen.findByRole('listitem', { name: 'Doublon possible : Free Mobile' });
    expect(within(pair).getByText('Même date, même montant, même fournisseur')).toBeTruthy();
    const notes = within(pair).getByRole('row', { name: /Notes/ });
    expect([...notes.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['forfait', '']);
    const source = within(pair).getByRole('row', { name: /Origine/ });
    expect([...source.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['saisie à la main', 'importée de bnp.csv']);
  });

  it('moves between pairs with j/k and acts on the current one with f, d, i; s switches the line kept', async () => {
    renderReview();
    await screen.findByRole('listitem', { name: 'Doublon possible : Free Mobile' });
    expect(current().getAttribute('aria-label')).toBe('Doublon possible : Free Mobile');
    press('j');
    expect(current().getAttribute('aria-label')).toBe('Doublon possible : Garage');
    press('d');
    await vi.waitFor(() => expect(sent('/api/budget/review/keep')).toEqual([{ body: { lineId: garage.id, otherId: part.id } }]));
    press('k');
    expect(current().getAttribute('aria-label')).toBe('Doublon possible : Free Mobile');
    press('s'); // keep the bank's line, merge the typed one into it
    expect(
      within(current())
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).checked),
    ).toEqual([false, true]);
    press('f');
    await vi.waitFor(() =>
      expect(sent('/api/budget/review/merge')).toEqual([{ body: { keepId: imported.id, removeId: typed.id } }]),
    );
    const toast = (await screen.findByText('Lignes « Free Mobile » fusionnées.')).parentElement!;
    fireEvent.click(within(toast).getByRole('button', { name: 'Annuler' }));
    await vi.waitFor(() => expect(sent('/api/budget/review/merges/:id/undo')).toEqual([{ params: { id: 'f'.repeat(24) } }]));
    press('i');
    await vi.waitFor(() =>
      expect(sent('/api/budget/lines/:id')).toEqual([{ params: { id: typed.id }, query: { ignore: 'true' } }]),
    );
  });

  it('says so when there is nothing to check', async () => {
    callMock.mockResolvedValue({ items: [] } as never);
    renderReview();
    expect(await screen.findByText('Aucun doublon possible.')).toBeTruthy();
  });
});
