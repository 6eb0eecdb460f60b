import type { JournalEntry, JournalSummary } from '@panoramix/contracts';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { preferencesStore } from '../../api/preferences-store.ts';
import { anAiStatus, callsTo as calls, renderWithQueries, serveRoutes } from '../../api/test-server.tsx';
import type { RouteHandler } from '../../api/test-server.tsx';
import { toastStore } from '../../lib/toasts.ts';
import { aTask } from '../../test-builders.ts';
import { anEntry } from './journal-builders.ts';
import { journalEvents } from './journal-cache.ts';
import JournalPage from './journal-page.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

/** The server: the list, the AI status, and whatever `writes` answers (anything else fails the test). */
function serve(entries: JournalEntry[], writes: Record<string, RouteHandler> = {}, chat: 'none' | 'openai' = 'openai') {
  serveRoutes({
    'GET /api/journal': () => ({ items: entries, nextCursor: null }),
    'GET /api/search/ai-status': () => anAiStatus(chat),
    ...writes,
  });
}

function renderPage() {
  preferencesStore.set((p) => ({ ...p, timeZone: 'Europe/Paris' }));
  return renderWithQueries(<JournalPage />);
}

afterEach(() => {
  vi.mocked(call).mockReset();
  toastStore.set([]);
});

describe('Journal', () => {
  it('shows the lines by day then hour with their HH:mm in my zone, and an empty journal says so', async () => {
    serve([
      anEntry({ content: 'Appel fournisseur', createdAt: '2026-11-30T23:10:00.000Z' }),
      anEntry({ content: 'Revue du devis', createdAt: '2026-11-30T09:05:00.000Z' }),
    ]);
    renderPage();
    const days = await screen.findAllByRole('heading', { level: 2, name: /2026/ });
    expect(days.map((d) => d.textContent)).toEqual(['mardi 1 décembre 2026', 'lundi 30 novembre 2026']);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['00:00', '10:00']);
    expect(screen.getByText('00:10')).toBeTruthy();
    expect(screen.getByText('10:05')).toBeTruthy();

    vi.mocked(call).mockReset();
    serve([]);
    renderPage();
    expect(await screen.findByText('Le journal est vide. Écrivez une première ligne ci-dessus.')).toBeTruthy();
  });

  it('adds a line on Enter and keeps the focus in the field for the next one', async () => {
    const created: JournalEntry[] = [];
    serve([], {
      'POST /api/journal': ({ body }) => {
        const entry = anEntry({ content: body.content, createdAt: new Date().toISOString() });
        created.push(entry);
        return entry;
      },
    });
    renderPage();
    const field = await screen.findByRole('textbox', { name: 'Nouvelle ligne' });
    await userEvent.type(field, 'Première ligne{Enter}');
    expect(field).toHaveProperty('value', '');
    expect(document.activeElement).toBe(field);
    await userEvent.type(field, 'Deuxième{Enter}');
    await screen.findByText('Deuxième');
    expect(calls('POST /api/journal').map((i) => i.body.content)).toEqual(['Première ligne', 'Deuxième']);
    expect(document.activeElement).toBe(field);
  });

  it('deletes a line with an undo that writes it back at its own time', async () => {
    const entry = anEntry({ content: 'À supprimer', createdAt: '2026-11-30T09:05:00.000Z' });
    serve([entry], {
      'DELETE /api/journal/:id': () => undefined,
      'POST /api/journal': ({ body }) => ({ ...entry, id: 'f'.repeat(24), ...body }),
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Supprimer la ligne « À supprimer »' }));
    await vi.waitFor(() => expect(screen.queryByText('À supprimer')).toBeNull());
    const toast = toastStore.get().at(-1)!;
    expect(toast.message).toBe('Ligne supprimée.');
    act(() => toast.action!.run());
    await screen.findByText('À supprimer');
    expect(calls('POST /api/journal')[0]!.body).toEqual({ content: 'À supprimer', createdAt: '2026-11-30T09:05:00.000Z' });
  });

  it('Tout effacer asks first; Annuler keeps everything, confirming empties the list', async () => {
    serve([anEntry({ content: 'Une' }), anEntry({ content: 'Deux' })], { 'DELETE /api/journal': () => ({ deleted: 2 }) });
    renderPage();
    await screen.findByText('Une');
    await userEvent.click(screen.getByRole('button', { name: 'Tout effacer' }));
    const dialog = screen.getByRole('dialog', { name: 'Effacer tout le journal ?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(calls('DELETE /api/journal')).toEqual([]);
    expect(screen.getByText('Une')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Tout effacer' }));
    serve([], { 'DELETE /api/journal': () => ({ deleted: 2 }) });
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Tout effacer' }));
    expect(await screen.findByText('Le journal est vide. Écrivez une première ligne ci-dessus.')).toBeTruthy();
    expect(calls('DELETE /api/journal')).toHaveLength(1);
    expect(toastStore.get().at(-1)?.message).toBe('2 lignes effacées.');
  });

  it('follows lines written and cleared in another tab', async () => {
    serve([anEntry({ content: 'Ici' })]);
    const queryClient = renderPage();
    await screen.findByText('Ici');
    act(() =>
      journalEvents['journalEntry.created']!(queryClient, anEntry({ content: 'Ailleurs', createdAt: new Date().toISOString() })),
    );
    await screen.findByText('Ailleurs');
    serve([]);
    act(() => journalEvents['journal.cleared']!(queryClient, { deleted: 2 }));
    expect(await screen.findByText('Le journal est vide. Écrivez une première ligne ci-dessus.')).toBeTruthy();
  });
});

describe('Journal summary', () => {
  const summary: JournalSummary = {
    summary: '## Devis\n- 10:05 revue avec Léa',
    entryCount: 2,
    suggestions: [
      { title: 'Envoyer le devis', notes: 'à Léa', projectId: null, entryIds: ['1'.repeat(24)] },
      { title: 'Rappeler Marc', notes: '', projectId: null, entryIds: ['1'.repeat(24), '2'.repeat(24)] },
    ],
  };

  it('says when no language model is configured, and the button does nothing', async () => {
    serve([anEntry()], {}, 'none');
    renderPage();
    expect(await screen.findByText(/Aucun modèle de langage n’est configuré/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Résumer les 8 dernières heures' })).toHaveProperty('disabled', true);
  });

  it('summarises the chosen hours in my zone, then creates the checked suggestions and says what was already done', async () => {
    serve([anEntry()], {
      'POST /api/journal/summary': () => summary,
      'POST /api/journal/suggestions': ({ body }) => ({
        created: body.suggestions.map((s: { title: string }) => aTask({ title: s.title })),
        duplicates: 1,
      }),
    });
    renderPage();
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Période' }), '24');
    await userEvent.click(screen.getByRole('button', { name: 'Résumer les 24 dernières heures' }));
    expect(await screen.findByRole('heading', { name: 'Devis' })).toBeTruthy();
    expect(calls('POST /api/journal/summary')[0]!.body).toEqual({ hours: 24, timeZone: 'Europe/Paris' });
    expect(screen.getByText('D’après 2 lignes')).toBeTruthy();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Garder « Rappeler Marc »' }));
    await userEvent.click(screen.getByRole('button', { name: 'Créer la tâche cochée' }));
    await vi.waitFor(() => expect(calls('POST /api/journal/suggestions')).toHaveLength(1));
    expect(calls('POST /api/journal/suggestions')[0]!.body.suggestions).toEqual([summary.suggestions[0]]);
    await vi.waitFor(() =>
      expect(toastStore.get().map((t) => t.message)).toEqual([
        '1 tâche créée.',
        '1 suggestion était déjà devenue une tâche : rien de plus.',
      ]),
    );
  });

  it('shows the server’s refusal of a malformed model answer', async () => {
    const { ApiError } = await import('../../api/problem.ts');
    serve([anEntry()], {
      'POST /api/journal/summary': async () => {
        const problem = { type: 'urn:panoramix:problem:ai-bad-answer', title: 'Unusable model answer', status: 502 };
        const headers = { 'content-type': 'application/problem+json' };
        throw await ApiError.from(new Response(JSON.stringify(problem), { status: 502, headers }));
      },
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Résumer les 8 dernières heures' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/réponse inutilisable/);
  });
});
