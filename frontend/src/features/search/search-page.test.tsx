import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { currentLocation, navigate } from '../../lib/location.ts';
import { buildHit } from './search-builders.ts';
import SearchPage from './search-page.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const note = buildHit({
  kind: 'note',
  title: 'Plan de lancement',
  snippet: 'Le plan de lancement',
  highlights: [{ start: 3, end: 7 }],
});
const task = buildHit({ kind: 'task', title: 'Relire le plan' });
const note2 = buildHit({ kind: 'note', title: 'Plan B' });

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SearchPage />
    </QueryClientProvider>,
  );
  return screen.getByRole('combobox', { name: 'Rechercher dans le contenu' });
}

// The filters' <select> have options too: look inside the results only.
const results = () => within(screen.getByRole('listbox', { name: 'Résultats' }));
const hitOptions = () => (screen.queryByRole('listbox', { name: 'Résultats' }) ? results().getAllByRole('option') : []);
const selected = () => results().getByRole('option', { selected: true });

describe('SearchPage', () => {
  beforeEach(() => {
    navigate('/search', { replace: true });
    vi.mocked(call).mockReset();
    vi.mocked(call).mockImplementation(((route: { path: string }) =>
      Promise.resolve(
        route.path === '/api/search' ? { items: [note, task, note2], semantic: true } : { items: [], nextCursor: null },
      )) as never);
  });

  it('groups hits by kind and walks them with ↑/↓ across groups; Enter opens the active one', async () => {
    const user = userEvent.setup();
    const input = renderPage();
    expect(document.activeElement).toBe(input);
    await user.keyboard('plan');
    const groups = await screen.findAllByRole('group');
    expect(
      groups.map(
        (g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent,
      ),
    ).toEqual(['Notes (2)', 'Tâches (1)']);
    expect(hitOptions().map((o) => o.querySelector('.search-hit-title')?.textContent)).toEqual([
      'Plan de lancement',
      'Plan B',
      'Relire le plan',
    ]);
    expect(screen.getByText('3 résultats', { exact: false })).toBeTruthy();

    expect(selected().textContent).toContain('Plan de lancement');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selected().textContent).toContain('Relire le plan'); // crossed into the Tâches group
    expect(input.getAttribute('aria-activedescendant')).toBe(selected().id);
    await user.keyboard('{ArrowDown}');
    expect(selected().textContent).toContain('Plan de lancement'); // wraps around
    await user.keyboard('{ArrowUp}{ArrowUp}{Enter}');
    expect(currentLocation().pathname).toBe(`/notes/${note2.id}`);
  });

  it('Esc clears the query and the results', async () => {
    const user = userEvent.setup();
    const input = renderPage();
    await user.keyboard('plan');
    await screen.findByRole('listbox', { name: 'Résultats' });
    expect(currentLocation().search).toBe('?q=plan');
    await user.keyboard('{Escape}');
    expect((input as HTMLInputElement).value).toBe('');
    expect(hitOptions()).toEqual([]);
    expect(screen.getByText(/Tapez pour chercher/)).toBeTruthy();
  });

  it('says when nothing matched, and when only keywords did', async () => {
    const user = userEvent.setup();
    vi.mocked(call).mockResolvedValue({ items: [], semantic: false } as never);
    renderPage();
    await user.keyboard('zzz');
    expect(await screen.findByText('Aucun résultat pour « zzz ».')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/mots-clés uniquement/);
  });

  it('shows a failure with a retry', async () => {
    const user = userEvent.setup();
    vi.mocked(call).mockRejectedValue(new Error('down'));
    renderPage();
    await user.keyboard('plan');
    expect((await screen.findByRole('alert')).textContent).toContain('La recherche a échoué.');
    vi.mocked(call).mockResolvedValue({ items: [note], semantic: true } as never);
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(within(await screen.findByRole('listbox', { name: 'Résultats' })).getByRole('option').textContent).toContain(
      note.title,
    );
  });
  it('dates a message hit rather than calling it edited', async () => {
    const message = buildHit({ kind: 'message', title: 'Équipe · Alice', snippet: 'le plan est prêt' });
    vi.mocked(call).mockImplementation(((route: { path: string }) =>
      Promise.resolve(
        route.path === '/api/search' ? { items: [message, note], semantic: true } : { items: [], nextCursor: null },
      )) as never);
    const user = userEvent.setup();
    renderPage();
    await user.keyboard('plan');
    await screen.findByRole('listbox', { name: 'Résultats' });
    const metaOf = (title: string) =>
      hitOptions()
        .find((o) => o.querySelector('.search-hit-title')?.textContent === title)
        ?.querySelector('.search-hit-meta')?.textContent;
    expect(metaOf('Équipe · Alice')).toMatch(/^du /);
    expect(metaOf('Plan de lancement')).toMatch(/^modifié le /);
  });
});
