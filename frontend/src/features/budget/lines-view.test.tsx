import type { BudgetLine } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { replicaKey } from '../../api/replica/replica-cache.ts';
import { currentLocation, navigate } from '../../lib/location.ts';
import { Toaster } from '../../ui/toast.tsx';
import { aLine } from './budget-test-data.ts';
import LinesView from './lines-view.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

type Input = { params?: { id: string }; query?: Record<string, unknown>; body?: unknown };

/** The server: the list answers `lines` (filtered by vendor as asked); writes answer what the route would. */
function serve(lines: BudgetLine[]) {
  vi.mocked(call).mockImplementation((async (route: { method: string; path: string }, input?: Input) => {
    const key = `${route.method} ${route.path}`;
    if (key === 'get /api/budget/lines') {
      const vendor = input?.query?.vendor as string | undefined;
      return { items: lines.filter((line) => !vendor || line.vendor === vendor), nextCursor: null };
    }
    if (key === 'patch /api/budget/lines/:id')
      return { ...lines.find((l) => l.id === input!.params!.id), ...(input!.body as object) };
    if (key === 'post /api/budget/lines/bulk') return { count: (input!.body as { ids: string[] }).ids.length };
    if (key === 'delete /api/budget/lines/:id') return undefined;
    if (key === 'post /api/budget/lines') return { ...aLine(), ...(input!.body as object) };
    if (key === 'post /api/budget/lines/:id/restore') return lines.find((l) => l.id === input!.params!.id);
    throw new Error(`unexpected ${key}`);
  }) as never);
}

const sent = (method: string, path: string) =>
  vi
    .mocked(call)
    .mock.calls.filter(([route]) => (route as { method: string }).method === method && (route as { path: string }).path === path)
    .map(([, input]) => input as Input);

function renderView(at = '/budget') {
  navigate(at, { replace: true });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(replicaKey('projects'), { version: 'v1', items: [] });
  render(
    <QueryClientProvider client={queryClient}>
      <LinesView />
      <Toaster />
    </QueryClientProvider>,
  );
}

const nbsp = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ');
const rowOf = (vendor: string) => screen.getByRole('checkbox', { name: `Sélectionner la ligne ${vendor}` }).closest('tr')!;

afterEach(() => {
  vi.mocked(call).mockReset();
  navigate('/', { replace: true });
});

describe('Budget · Lignes', () => {
  it('lists the lines with their amounts in French and says how many', async () => {
    serve([aLine({ vendor: 'Free', amountCents: 123456 }), aLine({ vendor: 'OVH', amountCents: -5 })]);
    renderView();
    expect(await screen.findByText('2 lignes')).toBeTruthy();
    const amountOf = (vendor: string) => nbsp(rowOf(vendor).querySelector('.budget-amount')!.textContent);
    expect(amountOf('Free')).toBe('1 234,56 €');
    expect(amountOf('OVH')).toBe('-0,05 €');
  });

  it('keeps a typed filter in the address and asks the server for it once typing pauses', async () => {
    serve([aLine({ vendor: 'Free' }), aLine({ vendor: 'OVH' })]);
    renderView();
    await screen.findByText('2 lignes');
    fireEvent.change(screen.getByRole('textbox', { name: 'Fournisseur' }), { target: { value: 'OVH' } });
    expect(await screen.findByText('1 ligne')).toBeTruthy();
    expect(currentLocation().search).toBe('?vendor=OVH');
    expect(sent('get', '/api/budget/lines').map((input) => input.query?.vendor)).toEqual([undefined, 'OVH']);
  });

  it('reads the filter of the address, and marks an amount it cannot read instead of sending it', async () => {
    serve([aLine({ vendor: 'Free' })]);
    renderView('/budget?minCents=1050');
    expect(((await screen.findByRole('textbox', { name: 'Montant minimum' })) as HTMLInputElement).value).toBe('10,50');
    fireEvent.change(screen.getByRole('textbox', { name: 'Montant minimum' }), { target: { value: 'douze' } });
    expect(await screen.findByText('Illisible : ce filtre n’est pas appliqué.')).toBeTruthy();
    expect(sent('get', '/api/budget/lines').map((input) => input.query?.minCents)).toEqual([1050]);
  });

  it('edits an amount in place with a decimal comma, in cents; Esc sends nothing', async () => {
    const line = aLine({ vendor: 'Free', amountCents: 1000 });
    serve([line]);
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: /10,00/ }));
    const input = screen.getByRole('textbox', { name: 'Montant de la ligne Free' });
    fireEvent.change(input, { target: { value: '99' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(sent('patch', '/api/budget/lines/:id')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /10,00/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Montant de la ligne Free' }), { target: { value: '12,5' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Montant de la ligne Free' }), { key: 'Enter' });
    await expect
      .poll(() => sent('patch', '/api/budget/lines/:id'))
      .toEqual([{ params: { id: line.id }, body: { amountCents: 1250 } }]);
  });

  it('refuses an amount that does not read, saying so', async () => {
    serve([aLine({ vendor: 'Free' })]);
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: /10,00/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Montant de la ligne Free' }), { target: { value: '12,,5' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Montant de la ligne Free' }), { key: 'Enter' });
    expect(await screen.findByText('« 12,,5 » n’est pas un montant (par exemple 12,50).')).toBeTruthy();
    expect(sent('patch', '/api/budget/lines/:id')).toEqual([]);
  });

  it('sets the category of a selection in one request', async () => {
    const [a, b, c] = [aLine({ vendor: 'A' }), aLine({ vendor: 'B' }), aLine({ vendor: 'C' })];
    serve([a!, b!, c!]);
    renderView();
    await screen.findByText('3 lignes');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner la ligne A' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner la ligne C' }));
    const bar = screen.getByRole('form', { name: 'Modifier la sélection' });
    expect(within(bar).getByText('2 lignes sélectionnées')).toBeTruthy();
    fireEvent.change(within(bar).getByRole('textbox', { name: 'Catégorie' }), { target: { value: 'Télécom' } });
    fireEvent.click(within(bar).getByRole('button', { name: 'Appliquer' }));
    expect(await screen.findByText('2 lignes modifiées.')).toBeTruthy();
    expect(sent('post', '/api/budget/lines/bulk')).toEqual([{ body: { ids: [a!.id, c!.id], set: { category: 'Télécom' } } }]);
  });

  it('moves with j/k, selects with x and edits the vendor with e', async () => {
    serve([aLine({ vendor: 'A' }), aLine({ vendor: 'B' })]);
    renderView();
    await screen.findByText('2 lignes');
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'k' });
    expect(rowOf('A').dataset.active).toBe('true');
    fireEvent.keyDown(window, { key: 'x' });
    expect((screen.getByRole('checkbox', { name: 'Sélectionner la ligne A' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.keyDown(window, { key: 'e' });
    expect((screen.getByRole('textbox', { name: 'Fournisseur de la ligne A' }) as HTMLInputElement).value).toBe('A');
  });

  it('deletes a line and brings it back with Annuler', async () => {
    const line = aLine({ vendor: 'Free' });
    serve([line]);
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer la ligne Free' }));
    expect(await screen.findByText('Ligne « Free » supprimée.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await expect.poll(() => sent('post', '/api/budget/lines/:id/restore')).toEqual([{ params: { id: line.id } }]);
  });

  it('adds a line typed by hand, the amount with a decimal comma, refusing one that does not read', async () => {
    serve([]);
    renderView('/budget?new');
    const form = await screen.findByRole('dialog', { name: 'Nouvelle dépense' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Date' }), { target: { value: '25/11/2026' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Fournisseur' }), { target: { value: 'OVH' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Montant' }), { target: { value: 'douze' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter' }));
    expect(within(form).getByText('« douze » n’est pas un montant (par exemple 12,50).')).toBeTruthy();
    expect(sent('post', '/api/budget/lines')).toEqual([]);
    fireEvent.change(within(form).getByRole('textbox', { name: 'Montant' }), { target: { value: '1 234,5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter' }));
    expect(await screen.findByText('Dépense « OVH » ajoutée.')).toBeTruthy();
    expect(sent('post', '/api/budget/lines').map((input) => input.body)).toEqual([
      { date: '2026-11-25', vendor: 'OVH', label: '', category: '', amountCents: 123450 },
    ]);
    expect(currentLocation().search).toBe('');
  });

  it('tells an empty budget how to start, and a filter that matches nothing apart', async () => {
    serve([]);
    renderView();
    expect(await screen.findByText('Aucune dépense. Ajoutez-en une ou importez un relevé bancaire.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Fournisseur' }), { target: { value: 'zzz' } });
    expect(await screen.findByText('Aucune ligne ne correspond à ces filtres.')).toBeTruthy();
  });
});
