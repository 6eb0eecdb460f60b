import { describe, expect, it } from 'vitest';
import { expectProblem, useTestApp } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const ctx = useTestApp();
/** Runs the indexing worker now rather than waiting for the job's next turn. */
const indexed = () => ctx.app.server.services.indexer.flush();
const search = async (user: TestUser, query: string) => {
  const res = await user.api.get(`/api/search?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    items: {
      kind: string;
      id: string;
      title: string;
      snippet: string;
      highlights: { start: number; end: number }[];
      target: string;
    }[];
    semantic: boolean;
  };
};

describe('GET /api/search', () => {
  it('requires authentication', async () => {
    expectProblem(await ctx.app.client().get('/api/search?q=x'), 401);
  });

  it('rejects invalid input with a 400 naming the field', async () => {
    const user = await ctx.app.newUser();
    expect(expectProblem(await user.api.get('/api/search?q=x&kinds=secrets'), 400).errors?.[0]?.path).toMatch(/^query\.kinds/);
    expect(expectProblem(await user.api.get('/api/search?q='), 400).errors?.[0]?.path).toBe('query.q');
    // A crafted owner filter is not a parameter: refused, never applied.
    expectProblem(await user.api.get(`/api/search?q=x&userId=${user.id}`), 400);
  });

  it('finds items of every registered kind by keyword prefix, with snippet, highlights and target', async () => {
    const user = await ctx.app.newUser();
    const project = (await user.api.post('/api/projects', { name: 'Zephyr launch' })).body;
    const task = (await user.api.post('/api/tasks', { title: 'Book the zephyr venue', projectId: project.id })).body;
    const note = (await user.api.post('/api/notes', { title: 'Ideas', content: 'Long text.\n\nThe zephyr banner must be blue.' }))
      .body;
    const link = (await user.api.post('/api/links', { name: 'Zephyr docs', url: 'example.com/zephyr' })).body;
    await indexed();
    const { items, semantic } = await search(user, 'q=zeph');
    expect(semantic).toBe(true);
    expect(new Set(items.map((i) => `${i.kind}:${i.id}`))).toEqual(
      new Set([`project:${project.id}`, `task:${task.id}`, `note:${note.id}`, `link:${link.id}`]),
    );
    // Targets are the web app's paths: clients open them as they are.
    expect(Object.fromEntries(items.map((i) => [i.kind, i.target]))).toEqual({
      project: `/projects?edit=${project.id}`,
      task: `/tasks?project=${project.id}&status=all`,
      note: `/notes/${note.id}`,
      link: '/links',
    });
    const hit = items.find((i) => i.kind === 'note')!;
    const marked = hit.highlights.map((h) => hit.snippet.slice(h.start, h.end).toLowerCase());
    expect(marked).toEqual(['zeph']);
    expect((await search(user, 'q=zeph&kinds=task,link')).items.map((i) => i.kind).sort()).toEqual(['link', 'task']);
  });

  it('ranks the right note first for a paraphrased query (local provider)', async () => {
    const user = await ctx.app.newUser();
    const corpus = [
      ['Quarterly budget', 'Planning the budget for next quarter: hiring costs, cloud spending and travel.'],
      ['Garden', 'Plant tomatoes in May, water the roses every evening, prune the apple tree.'],
      ['Team offsite', 'Organising the offsite: book a venue in the mountains, plan hikes and workshops.'],
      ['Car maintenance', 'Change the tyres before winter and check the brakes at the garage.'],
      ['Réunion client', 'Préparer la réunion avec le client: présenter la maquette et le planning de livraison.'],
    ];
    const ids: string[] = [];
    for (const [title, content] of corpus) ids.push((await user.api.post('/api/notes', { title, content })).body.id);
    await indexed();
    const expectFirst = async (query: string, index: number) =>
      expect((await search(user, `q=${encodeURIComponent(query)}`)).items[0]?.id, query).toBe(ids[index]);
    await expectFirst('how much will we spend on hiring and travel', 0);
    await expectFirst('watering plants', 1);
    await expectFirst('planned hiking trip for the team', 2);
    await expectFirst('reunions clients maquettes', 4);
  });

  it('forgets deleted and updated text', async () => {
    const user = await ctx.app.newUser();
    const note = (await user.api.post('/api/notes', { title: 'Quokka facts', content: 'small marsupial' })).body;
    await indexed();
    expect((await search(user, 'q=quokka')).items).toHaveLength(1);
    await user.api.patch(`/api/notes/${note.id}`, { title: 'Wombat facts' });
    await indexed();
    expect((await search(user, 'q=quokka')).items).toHaveLength(0);
    expect((await search(user, 'q=wombat')).items).toHaveLength(1);
    await user.api.delete(`/api/notes/${note.id}`);
    await indexed();
    expect((await search(user, 'q=wombat')).items).toHaveLength(0);
  });
});

describe('search isolation', () => {
  it('another user never gets my hits, even naming my project; members do, until they leave', async () => {
    const alice = await ctx.app.newUser();
    const bob = await ctx.app.newUser();
    const project = (await alice.api.post('/api/projects', { name: 'Xylophone plan' })).body;
    await alice.api.post('/api/notes', { title: 'Xylophone private diary', content: 'xylophone secrets' });
    await alice.api.post('/api/tasks', { title: 'Tune the xylophone', projectId: project.id });
    await indexed();
    expect((await search(alice, 'q=xylophone')).items).toHaveLength(3);
    expect((await search(bob, 'q=xylophone')).items).toEqual([]);
    expect((await search(bob, 'q=xylophone%20secrets')).items).toEqual([]);
    expectProblem(await bob.api.get(`/api/search?q=xylophone&projectId=${project.id}`), 404);

    await alice.api.post(`/api/projects/${project.id}/members`, { username: bob.username });
    // Adding a member reindexes the project, whose point is rewritten for a moment: let that settle.
    await indexed();
    const shared = await search(bob, 'q=xylophone');
    expect(shared.items.map((i) => i.kind).sort()).toEqual(['project', 'task']);
    expect((await search(bob, `q=xylophone&projectId=${project.id}`)).items).toHaveLength(2);

    await alice.api.delete(`/api/projects/${project.id}/members/${bob.id}`);
    expect((await search(bob, 'q=xylophone')).items).toEqual([]);
    // A member leaving purges nothing: the project's content stays found by the others.
    await indexed();
    expect((await search(alice, 'q=xylophone')).items).toHaveLength(3);
  });

  it('collection info counts only what I can find', async () => {
    const user = await ctx.app.newUser();
    await user.api.post('/api/links', { name: 'Mine', url: 'example.org' });
    await indexed();
    const res = await user.api.get('/api/search/collection-info');
    expect(res.body).toMatchObject({
      collection: 'panoramix_local_hashing_v1',
      model: 'local-hashing-v1',
      dimension: 384,
      counts: { link: 1 },
    });
    expectProblem(await ctx.app.client().get('/api/search/collection-info'), 401);
  });
});

describe('GET /api/search/ai-status', () => {
  it('names the offline hashing embedder and shows the queue', async () => {
    const user = await ctx.app.newUser();
    const res = await user.api.get('/api/search/ai-status');
    expect(res.status).toBe(200);
    expect(res.body.embeddings).toMatchObject({ provider: 'local', reachable: true, dimension: 384 });
    expect(res.body.embeddings.description).toMatch(/hashing/);
    expect(res.body.vectorStore).toMatchObject({ kind: 'embedded', reachable: true });
    expect(res.body.chat).toEqual({ provider: 'none', model: null });
    expect(res.body.queue).toMatchObject({ failed: 0 });
    expectProblem(await ctx.app.client().get('/api/search/ai-status'), 401);
  });
});
