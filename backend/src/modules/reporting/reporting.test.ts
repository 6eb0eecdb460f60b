import { routes } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer } from '../../../test/fake-model-server.ts';
import { createTeam, expectProblem, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';
import { ProjectModel } from '../projects/model.ts';
import { TaskModel } from '../tasks/model.ts';

let fake: Awaited<ReturnType<typeof startFakeModelServer>>;
let app: TestApp;
let t: Awaited<ReturnType<typeof createTeam>>;
beforeAll(async () => {
  fake = await startFakeModelServer();
  fake.state.delayMs = 0;
  app = await startTestApp({
    AI_CHAT_PROVIDER: 'openai',
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-test',
    AI_TIMEOUT_MS: '5000',
  });
  t = await createTeam(app);
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

const newProject = async (user: TestUser, name: string) => (await user.call(routes.projects.create, { body: { name } })).body;
const doneTask = async (user: TestUser, title: string, projectId: string | null = null) =>
  (await user.call(routes.tasks.create, { body: { title, projectId, status: 'done' } })).body;
const note = async (user: TestUser, title: string, projectId: string | null = null) =>
  (await user.call(routes.notes.create, { body: { title, projectId } })).body;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

const activity = (user: TestUser, query: Record<string, string> = {}) =>
  user.call(routes.reporting.activity, { query: query as never });

describe('reporting activity', () => {
  it('requires authentication', async () => {
    expectProblem(await app.client().call(routes.reporting.activity), 401);
  });

  it('lists projects created, tasks done and notes created in the window, newest first; an unknown window is 24h', async () => {
    const user = await app.newUser();
    const site = await newProject(user, 'Site web');
    const done = await doneTask(user, 'Publier la page', site.id);
    const open = (await user.call(routes.tasks.create, { body: { title: 'Pas fini' } })).body;
    const written = await note(user, 'Compte rendu');
    const old = await doneTask(user, 'Vieille tâche');
    await TaskModel.updateOne({ _id: old.id }, { $set: { statusChangedAt: daysAgo(5) } }).setOptions({ tenancy: 'system' });

    const day = await activity(user, { window: 'whatever' });
    expect(day.body.window).toBe('24h');
    expect(day.body.items.map((i) => [i.kind, i.title])).toEqual([
      ['note.created', 'Compte rendu'],
      ['task.done', 'Publier la page'],
      ['project.created', 'Site web'],
    ]);
    expect(day.body.items.map((i) => i.id)).not.toContain(open.id);
    expect(day.body.items.find((i) => i.id === done.id)?.projectId).toBe(site.id);
    expect(day.body.items.find((i) => i.id === written.id)?.projectId).toBeNull();

    const week = await activity(user, { window: '7d' });
    expect(week.body.items.map((i) => i.title)).toContain('Vieille tâche');
    expect((await activity(user, { window: '72h' })).body.items.map((i) => i.title)).not.toContain('Vieille tâche');
    expect((await activity(user, { window: 'all' })).body).toMatchObject({ since: null, truncated: false });
  });

  it('keeps only the included projects, or leaves the excluded ones out', async () => {
    const user = await app.newUser();
    const [a, b] = [await newProject(user, 'A'), await newProject(user, 'B')];
    await doneTask(user, 'dans A', a.id);
    await doneTask(user, 'dans B', b.id);
    await doneTask(user, 'sans projet');
    const included = await activity(user, { include: a.id });
    expect(included.body.items.map((i) => i.title)).toEqual(['dans A', 'A']);
    const excluded = await activity(user, { exclude: a.id });
    expect(excluded.body.items.map((i) => i.title)).toEqual(['sans projet', 'dans B', 'B']);
    expectProblem(await activity(user, { include: 'nope' }), 400);
  });

  it("shows a shared project's activity to its members, never another user's", async () => {
    await doneTask(t.alice, 'Fait ensemble', t.shared.id);
    await doneTask(t.alice, 'Privé à Alice');
    const bob = (await activity(t.bob)).body.items.map((i) => i.title);
    expect(bob).toContain('Fait ensemble');
    expect(bob).not.toContain('Privé à Alice');
    const eve = (await activity(t.eve, { include: t.shared.id })).body.items;
    expect(eve).toEqual([]);
  });
});

describe('reporting summary', () => {
  it('asks the model with the events and a custom prompt, and does not ask for an empty window', async () => {
    const user = await app.newUser();
    const before = fake.state.requests.length;
    expect((await user.call(routes.reporting.summary, { body: { window: '24h' } })).body).toEqual({ markdown: '', itemCount: 0 });
    expect(fake.state.requests.length).toBe(before);

    await doneTask(user, 'Livrer la maquette');
    fake.state.answers.push('## Rapport\n- Maquette livrée');
    const res = await user.call(routes.reporting.summary, { body: { window: '7d', prompt: 'Sois bref' } });
    expect(res.body).toEqual({ markdown: '## Rapport\n- Maquette livrée', itemCount: 1 });
    const sent = fake.state.requests
      .at(-1)!
      .body.messages.map((m: { content: string }) => m.content)
      .join('\n');
    expect(sent).toContain('Livrer la maquette');
    expect(sent).toContain('Instructions: Sois bref');
  });
});

describe('importer des tâches', () => {
  it('proposes tasks from free text: a known project kept, an unknown one dropped, a new project suggested', async () => {
    const user = await app.newUser();
    const site = await newProject(user, 'Site web');
    fake.state.answers.push(
      JSON.stringify({
        tasks: [
          { title: 'Corriger le menu', notes: 'mobile', deadline: '2026-12-04T17:00:00+01:00', projectId: site.id },
          { title: 'Réserver la salle', projectId: t.shared.id, newProject: 'Séminaire', deadline: 'vendredi' },
        ],
      }),
    );
    const res = await user.call(routes.reporting.analyzeImport, { body: { text: 'menu à corriger, salle pour le séminaire' } });
    expect(res.status).toBe(200);
    expect(res.body.tasks).toEqual([
      { title: 'Corriger le menu', notes: 'mobile', deadline: '2026-12-04T16:00:00.000Z', projectId: site.id, newProject: null },
      { title: 'Réserver la salle', notes: '', deadline: null, projectId: null, newProject: 'Séminaire' },
    ]);
  });

  it('retries a malformed answer once, then refuses with a clear error', async () => {
    const user = await app.newUser();
    fake.state.answers.push('voici vos tâches', '{"tasks": [{"title": ""}]}');
    const refused = expectProblem(await user.call(routes.reporting.analyzeImport, { body: { text: 'x' } }), 502);
    expect(refused.type).toBe('urn:panoramix:problem:ai-bad-answer');
  });

  it('creates the reviewed tasks and each new project once', async () => {
    const user = await app.newUser();
    const res = await user.call(routes.reporting.createImport, {
      body: {
        tasks: [
          { title: 'Réserver la salle', newProject: 'Séminaire' },
          { title: 'Envoyer les invitations', newProject: 'Séminaire', deadline: '2026-12-10T09:00:00.000Z' },
          { title: 'Sans projet' },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.projects.map((p) => p.name)).toEqual(['Séminaire']);
    const seminar = res.body.projects[0]!.id;
    expect(res.body.tasks.map((task) => [task.title, task.projectId, task.deadline])).toEqual([
      ['Réserver la salle', seminar, null],
      ['Envoyer les invitations', seminar, '2026-12-10T09:00:00.000Z'],
      ['Sans projet', null, null],
    ]);
  });

  it('refuses a project that is not mine, naming the task, and creates nothing (not even a new project)', async () => {
    const before = {
      tasks: await TaskModel.countDocuments({ userId: t.eve.id }),
      projects: await ProjectModel.countDocuments({ userId: t.eve.id }),
    };
    const refused = expectProblem(
      await t.eve.call(routes.reporting.createImport, {
        body: {
          tasks: [
            { title: 'ok', newProject: 'Neuf' },
            { title: 'intrus', projectId: t.shared.id },
          ],
        },
      }),
      400,
    );
    expect(refused.errors?.[0]).toMatchObject({ path: 'body.tasks.1.projectId', message: 'no such project' });
    expect(await TaskModel.countDocuments({ userId: t.eve.id })).toBe(before.tasks);
    expect(await ProjectModel.countDocuments({ userId: t.eve.id })).toBe(before.projects);
    const empty = expectProblem(await t.eve.call(routes.reporting.createImport, { body: { tasks: [] } }), 400);
    expect(empty.errors?.[0]?.path).toBe('body.tasks');
  });
});
