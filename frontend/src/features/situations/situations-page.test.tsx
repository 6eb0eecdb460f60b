import type { Situation, SituationDetail } from '@panoramix/contracts';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { callsTo as calls, renderWithQueries, serveRoutes } from '../../api/test-server.tsx';
import type { RouteHandler, RouteInput } from '../../api/test-server.tsx';
import { navigate } from '../../lib/location.ts';
import { edited, entityBase } from '../../test-builders.ts';
import { AUTOSAVE_DELAY_MS } from '../../ui/use-autosave.ts';
import { aJob, aNote, aSituationDetail, aSummary, anActor, someQuestions } from './situation-builders.ts';
import { situationEvents } from './situation-cache.ts';
import SituationsPage from './situations-page.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

/** The server: GET answers from `detail` and `list`; each other route answers what `writes` says (else fails the test). */
function serve(
  detail: SituationDetail | null,
  list: Situation[] = detail ? [detail.situation] : [],
  writes: Record<string, RouteHandler> = {},
) {
  serveRoutes({
    'GET /api/situations': (input: RouteInput) => {
      const q = input.query?.q?.toLowerCase();
      return { items: list.filter((s) => !q || s.title.toLowerCase().includes(q)), nextCursor: null };
    },
    'GET /api/situations/:id': () => {
      if (!detail) throw new ApiError(404, undefined, undefined);
      return detail;
    },
    'GET /api/people': () => ({ items: [], nextCursor: null }),
    ...writes,
  });
}

function renderPage(path: string) {
  navigate(path, { replace: true });
  return renderWithQueries(<SituationsPage />);
}

afterEach(() => {
  vi.mocked(call).mockReset();
  navigate('/', { replace: true });
});

describe('the Situations list', () => {
  it('tells an empty workspace how to start', async () => {
    serve(null, []);
    renderPage('/situations');
    expect(await screen.findByText(/^Aucune situation\. Créez-en une/)).toBeTruthy();
  });

  it('sends the typed search once typing pauses, and says when nothing matches', async () => {
    const a = aSituationDetail({ situation: { ...entityBase(), title: 'Réorganisation', description: '' } });
    const b = aSituationDetail({ situation: { ...entityBase(), title: 'Conflit équipe data', description: '' } });
    serve(null, [a.situation, b.situation]);
    renderPage('/situations');
    const list = await screen.findByRole('list', { name: 'Situations' });
    expect(within(list).getAllByRole('link')).toHaveLength(2);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher' }), { target: { value: 'conflit' } });
    await vi.waitFor(() => expect(within(screen.getByRole('list', { name: 'Situations' })).getAllByRole('link')).toHaveLength(1));
    expect(calls('GET /api/situations').map((input) => input.query?.q)).toEqual([undefined, 'conflit']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher' }), { target: { value: 'zzz' } });
    expect(await screen.findByText('Aucune situation ne correspond à cette recherche.')).toBeTruthy();
  });

  it('moves the focus from row to row with j and k, so Enter opens the focused one', async () => {
    const [a, b] = [aSituationDetail(), aSituationDetail()];
    serve(null, [a.situation, b.situation]);
    renderPage('/situations');
    const links = within(await screen.findByRole('list', { name: 'Situations' })).getAllByRole('link');
    fireEvent.keyDown(window, { key: 'j' });
    expect(document.activeElement).toBe(links[0]);
    fireEvent.keyDown(window, { key: 'j' });
    expect(document.activeElement).toBe(links[1]);
    fireEvent.keyDown(window, { key: 'k' });
    expect(document.activeElement).toBe(links[0]);
    expect(links[0]!.getAttribute('href')).toBe(`/situations/${a.situation.id}`);
  });
});

describe('a situation', () => {
  it('saves its title and description as typing pauses', async () => {
    const detail = aSituationDetail();
    serve(detail, [detail.situation], {
      'PATCH /api/situations/:id': ({ body }) => edited(detail.situation, body),
    });
    renderPage(`/situations/${detail.situation.id}`);
    const user = userEvent.setup();
    const title = await screen.findByLabelText('Titre');
    await user.clear(title);
    await user.type(title, 'Départ de Paul');
    await user.type(screen.getByLabelText('Description'), 'Paul part en mars');
    expect(screen.getByText('Modifications non enregistrées (enregistrement automatique)')).toBeTruthy();
    await vi.waitFor(() => expect(calls('PATCH /api/situations/:id')).toHaveLength(2), { timeout: 4000 });
    expect(calls('PATCH /api/situations/:id').map((input) => input.body)).toEqual(
      expect.arrayContaining([{ title: 'Départ de Paul' }, { description: 'Paul part en mars' }]),
    );
  });

  it('never sends an empty title, and says why it is not saved', async () => {
    const detail = aSituationDetail();
    serve(detail);
    renderPage(`/situations/${detail.situation.id}`);
    const title = await screen.findByLabelText('Titre');
    vi.useFakeTimers();
    try {
      fireEvent.change(title, { target: { value: '  ' } });
      act(() => vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2));
    } finally {
      vi.useRealTimers();
    }
    expect(screen.getByText(/^Le titre ne peut pas être vide/)).toBeTruthy();
    expect(calls('PATCH /api/situations/:id')).toHaveLength(0);
  });

  it('saves an answer with the whole list of questions, the others unchanged', async () => {
    const detail = aSituationDetail();
    const id = detail.situation.id;
    const actor = anActor(id, { name: 'Paul' });
    const doc = someQuestions(id, actor.id, [
      { q: 'Que souhaitez-vous ?', r: '' },
      { q: 'Depuis quand ?', r: 'Un an' },
    ]);
    Object.assign(detail, { actors: [actor], questions: [doc] });
    serve(detail, [detail.situation], {
      'PUT /api/situations/:id/actors/:actorId/questions': ({ body }) => edited(doc, body as Partial<typeof doc>),
    });
    renderPage(`/situations/${id}`);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Que souhaitez-vous ?'), 'Partir');
    await user.click(screen.getByLabelText('Depuis quand ?')); // leaving the field saves at once
    await vi.waitFor(() => expect(calls('PUT /api/situations/:id/actors/:actorId/questions')).toHaveLength(1));
    expect(calls('PUT /api/situations/:id/actors/:actorId/questions')[0]).toMatchObject({
      params: { id, actorId: actor.id },
      body: {
        questions: [
          { q: 'Que souhaitez-vous ?', r: 'Partir' },
          { q: 'Depuis quand ?', r: 'Un an' },
        ],
      },
    });
  });

  it('adds a note typed and not yet added when the page goes away', async () => {
    const detail = aSituationDetail();
    const id = detail.situation.id;
    serve(detail, [detail.situation], { 'POST /api/situations/:id/notes': ({ body }) => aNote(id, body) });
    renderPage(`/situations/${id}`);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Nouvelle note — Notes générales'), 'À creuser');
    expect(calls('POST /api/situations/:id/notes')).toHaveLength(0);
    cleanup(); // another situation, another tab
    await vi.waitFor(() => expect(calls('POST /api/situations/:id/notes')).toHaveLength(1));
    expect(calls('POST /api/situations/:id/notes')[0]).toMatchObject({
      params: { id },
      body: { actorId: null, content: 'À creuser' },
    });
  });

  it('adds a person picked from Personnes by id, and a typed name as free text', async () => {
    const detail = aSituationDetail();
    const id = detail.situation.id;
    const elodie = { ...entityBase(), name: 'Élodie', lastName: 'Dupont', role: 'CTO' };
    serve(detail, [detail.situation], {
      'GET /api/people': ({ query }) => ({ items: query?.q === 'elo' ? [elodie] : [], nextCursor: null }),
      'POST /api/situations/:id/actors': ({ body }) => anActor(id, { name: String(body?.name ?? 'Élodie Dupont') }),
    });
    renderPage(`/situations/${id}`);
    const user = userEvent.setup();
    const name = await screen.findByRole('combobox', { name: 'Personne ou nom' });
    await user.type(screen.getByLabelText('Rôle dans la situation'), 'Décide');
    await user.type(name, 'elo');
    await user.click(await screen.findByRole('option', { name: /Élodie Dupont/ }));
    await vi.waitFor(() => expect(calls('POST /api/situations/:id/actors')).toHaveLength(1));
    expect(calls('POST /api/situations/:id/actors')[0]!.body).toEqual({ personId: elodie.id, situationRole: 'Décide' });

    await user.type(name, 'Le syndic{Enter}');
    await vi.waitFor(() => expect(calls('POST /api/situations/:id/actors')).toHaveLength(2));
    expect(calls('POST /api/situations/:id/actors')[1]!.body).toEqual({ personId: null, name: 'Le syndic', situationRole: '' });
    expect(await screen.findByRole('listitem', { name: 'Le syndic' })).toBeTruthy();
  });

  it('asks before removing an actor, saying their notes go with them', async () => {
    const detail = aSituationDetail();
    const id = detail.situation.id;
    const paul = anActor(id, { name: 'Paul' });
    Object.assign(detail, { actors: [paul], notes: [aNote(id, { actorId: paul.id, content: 'Fatigué' })] });
    serve(detail, [detail.situation], { 'DELETE /api/situations/:id/actors/:actorId': () => undefined });
    renderPage(`/situations/${id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Retirer Paul' }));
    const dialog = screen.getByRole('dialog', { name: 'Retirer Paul de la situation ?' });
    expect(within(dialog).getByText(/Ses notes et ses questions dans cette situation seront supprimées/)).toBeTruthy();
    expect(calls('DELETE /api/situations/:id/actors/:actorId')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Retirer' }));
    await vi.waitFor(() => expect(screen.queryByRole('listitem', { name: 'Paul' })).toBeNull());
    expect(screen.queryByText('Fatigué')).toBeNull();
  });

  it('says what a deletion removes, and goes back to the list once done', async () => {
    const detail = aSituationDetail();
    const id = detail.situation.id;
    Object.assign(detail, { actors: [anActor(id), anActor(id)], notes: [aNote(id)] });
    serve(detail, [detail.situation], { 'DELETE /api/situations/:id': () => undefined });
    renderPage(`/situations/${id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Supprimer la situation' }));
    const dialog = screen.getByRole('dialog', { name: `Supprimer « ${detail.situation.title} » ?` });
    expect(
      within(dialog).getByText(/Seront supprimés avec elle : 2 acteurs, 1 note, leurs questions et la synthèse/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    await vi.waitFor(() => expect(window.location.pathname).toBe('/situations'));
  });
});

describe('the AI actions', () => {
  it('are off and say why when the server has no language model', async () => {
    const detail = aSituationDetail({ aiAvailable: false });
    serve(detail);
    renderPage(`/situations/${detail.situation.id}`);
    const explanation = await screen.findByText(/^Aucun modèle de langage n’est configuré/);
    for (const name of ['Extraire les acteurs', 'Générer les questions', 'Générer la synthèse']) {
      const button = screen.getByRole('button', { name });
      expect(button).toHaveProperty('disabled', true);
      expect(button.getAttribute('aria-describedby')).toBe(explanation.id);
    }
  });

  it('ask for actors before questions', async () => {
    const detail = aSituationDetail();
    serve(detail);
    renderPage(`/situations/${detail.situation.id}`);
    const button = await screen.findByRole('button', { name: 'Générer les questions' });
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByText('Ajoutez d’abord au moins un acteur.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Extraire les acteurs' })).toHaveProperty('disabled', false);
  });

  it('show each job as the server pushes it: queued, running, then failed with its reason and a retry', async () => {
    const detail = aSituationDetail();
    const id = detail.situation.id;
    const job = aJob(id, { kind: 'generateSummary' });
    serve(detail, [detail.situation], { 'POST /api/situations/:id/ai/:kind': () => job });
    const queryClient = renderPage(`/situations/${id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Générer la synthèse' }));
    expect(calls('POST /api/situations/:id/ai/:kind')[0]!.params).toEqual({ id, kind: 'generateSummary' });
    expect(await screen.findByText('En attente…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Générer la synthèse' })).toHaveProperty('disabled', true);

    act(() => situationEvents['situationAi.updated']!(queryClient, { ...job, status: 'running' }));
    expect(await screen.findByText('En cours…')).toBeTruthy();
    const failed = { ...job, status: 'failed' as const, finishedAt: '2026-11-26T10:01:00.000Z' };
    act(() =>
      situationEvents['situationAi.updated']!(queryClient, { ...failed, error: { reason: 'malformed-answer', detail: 'x' } }),
    );
    expect(await screen.findByText(/^Échec : le modèle n’a pas répondu dans le format attendu, deux fois/)).toBeTruthy();
    const retry = screen.getByRole('button', { name: 'Générer la synthèse · Réessayer' });
    expect(retry).toHaveProperty('disabled', false);
  });
});

describe('live changes', () => {
  it('show a summary, an actor and notes written elsewhere, and a situation deleted elsewhere as gone', async () => {
    const detail = aSituationDetail();
    const id = detail.situation.id;
    serve(detail);
    const queryClient = renderPage(`/situations/${id}`);
    expect(await screen.findByText(/^Pas encore de synthèse/)).toBeTruthy();

    act(() => situationEvents['situationSummary.updated']!(queryClient, aSummary(id, '## Plan\n\n- Voir Paul lundi')));
    expect(await screen.findByText('Voir Paul lundi')).toBeTruthy();
    const paul = anActor(id, { name: 'Paul' });
    act(() => situationEvents['situationActor.created']!(queryClient, paul));
    act(() => situationEvents['situationNote.created']!(queryClient, aNote(id, { actorId: paul.id, content: 'Vu hier' })));
    const card = await screen.findByRole('listitem', { name: 'Paul' });
    expect(within(card).getByText('Vu hier')).toBeTruthy();

    serve(null, []); // the server no longer has it
    act(() => situationEvents['situation.deleted']!(queryClient, { id }));
    expect(await screen.findByText('Cette situation n’existe plus.')).toBeTruthy();
  });
});
