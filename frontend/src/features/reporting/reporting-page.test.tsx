import type { ImportedTask, Report } from '@panoramix/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { replicaKey } from '../../api/replica/replica-cache.ts';
import { anAiStatus, callsTo as calls, renderWithQueries, serveRoutes } from '../../api/test-server.tsx';
import type { RouteHandler } from '../../api/test-server.tsx';
import { toastStore } from '../../lib/toasts.ts';
import { aProject, aTask } from '../../test-builders.ts';
import ReportingPage from './reporting-page.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const site = aProject({ name: 'Site web' });

const report = (items: Report['items']): Report => ({ window: '24h', since: null, items, truncated: false });
const item = (kind: Report['items'][number]['kind'], title: string, projectId: string | null = site.id) => ({
  kind,
  id: String(Math.floor(Math.random() * 1e12)).padStart(24, '0'),
  title,
  projectId,
  at: '2026-11-30T09:00:00.000Z',
});

function serve(writes: Record<string, RouteHandler> = {}, chat: 'none' | 'openai' = 'openai') {
  serveRoutes({ 'GET /api/search/ai-status': () => anAiStatus(chat), ...writes });
}

function renderPage() {
  renderWithQueries(<ReportingPage />, (client) => client.setQueryData(replicaKey('projects'), { version: 'v1', items: [site] }));
}

afterEach(() => {
  vi.mocked(call).mockReset();
  toastStore.set([]);
});

describe('Rapport', () => {
  it('lists the window’s activity, asks again for another window or project filter, and says when it is empty', async () => {
    serve({
      'GET /api/reporting/activity': ({ query }) =>
        query?.window === '7d' ? report([]) : report([item('task.done', 'Publier la page'), item('note.created', 'CR', null)]),
    });
    renderPage();
    const list = await screen.findByRole('list', { name: 'Activité' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/^Tâche terminéePublier la pageSite web/),
      expect.stringMatching(/^Note crééeCRSans projet/),
    ]);
    expect(calls('GET /api/reporting/activity')[0]!.query).toEqual({ window: '24h' });

    await userEvent.click(screen.getByRole('radio', { name: '7 jours' }));
    expect(await screen.findByText('Rien sur cette période.')).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Projets' }), `out:${site.id}`);
    await vi.waitFor(() =>
      expect(calls('GET /api/reporting/activity').at(-1)!.query).toEqual({ window: '7d', exclude: site.id }),
    );
  });

  it('writes the report with the instructions given, and says when no model is configured', async () => {
    serve({
      'GET /api/reporting/activity': () => report([item('task.done', 'Livrer')]),
      'POST /api/reporting/summary': () => ({ markdown: '## Semaine\n- Livré', itemCount: 1 }),
    });
    renderPage();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Consignes pour le rapport (facultatif)' }), 'Bref');
    await userEvent.click(screen.getByRole('button', { name: 'Rédiger le rapport' }));
    expect(await screen.findByRole('heading', { name: 'Semaine' })).toBeTruthy();
    expect(calls('POST /api/reporting/summary')[0]!.body).toMatchObject({ window: '24h', prompt: 'Bref' });

    vi.mocked(call).mockReset();
    serve({ 'GET /api/reporting/activity': () => report([]) }, 'none');
    renderPage();
    expect(await screen.findByText(/Aucun modèle de langage n’est configuré/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Rédiger le rapport' }).at(-1)).toHaveProperty('disabled', true);
  });
});

describe('Importer des tâches', () => {
  const proposed: ImportedTask[] = [
    { title: 'Corriger le menu', notes: 'mobile', deadline: null, projectId: site.id, newProject: null },
    { title: 'Réserver la salle', notes: '', deadline: null, projectId: null, newProject: 'Séminaire' },
    { title: 'Hors sujet', notes: '', deadline: null, projectId: null, newProject: null },
  ];

  it('proposes tasks from the text, lets me edit and uncheck them, and creates only what I kept', async () => {
    serve({
      'GET /api/reporting/activity': () => report([]),
      'POST /api/reporting/import/analyze': () => ({ tasks: proposed }),
      'POST /api/reporting/import': ({ body }) => ({
        projects: [],
        tasks: (body!.tasks as ImportedTask[]).map((t) => aTask({ title: t.title })),
      }),
    });
    renderPage();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Texte à analyser' }), 'menu, salle');
    await userEvent.click(screen.getByRole('button', { name: 'Proposer des tâches' }));
    const review = await screen.findByRole('list', { name: 'Tâches proposées' });
    const rows = within(review).getAllByRole('listitem');
    expect(within(rows[1]!).getByRole('combobox', { name: 'Projet' })).toHaveProperty('value', '');
    expect(within(rows[1]!).getByRole('option', { name: 'Nouveau projet : Séminaire' })).toBeTruthy();

    const title = within(rows[0]!).getByRole('textbox', { name: 'Titre' });
    await userEvent.clear(title);
    await userEvent.type(title, 'Corriger le menu mobile');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Garder « Hors sujet »' }));
    await userEvent.click(screen.getByRole('button', { name: 'Créer 2 tâches' }));
    await vi.waitFor(() => expect(calls('POST /api/reporting/import')).toHaveLength(1));
    expect(calls('POST /api/reporting/import')[0]!.body).toEqual({
      tasks: [{ ...proposed[0], title: 'Corriger le menu mobile' }, proposed[1]],
    });
    await vi.waitFor(() => expect(toastStore.get().at(-1)?.message).toBe('2 tâches créées.'));
    expect(screen.queryByRole('list', { name: 'Tâches proposées' })).toBeNull();
  });

  it('does not create a task whose title was emptied', async () => {
    serve({
      'GET /api/reporting/activity': () => report([]),
      'POST /api/reporting/import/analyze': () => ({ tasks: [proposed[0]] }),
    });
    renderPage();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Texte à analyser' }), 'menu');
    await userEvent.click(screen.getByRole('button', { name: 'Proposer des tâches' }));
    await userEvent.clear(await screen.findByRole('textbox', { name: 'Titre' }));
    expect(screen.getByRole('button', { name: 'Créer 1 tâche' })).toHaveProperty('disabled', true);
  });
});
