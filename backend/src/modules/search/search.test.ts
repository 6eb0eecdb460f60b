import { routes } from '@panoramix/contracts';
import type { RouteQueryInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, useTestApp } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const ctx = useTestApp();
/** Runs the indexing worker now rather than waiting for the job's next turn. */
const indexed = () => ctx.app.server.services.indexer.flush();
type SearchQuery = RouteQueryInput<typeof routes.search.search>;
const search = async (user: TestUser, query: SearchQuery) => {
  const res = await user.call(routes.search.search, { query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const newNote = async (user: TestUser, title: string, content: string) =>
  (await user.call(routes.notes.create, { body: { title, content } })).body;

describe('GET /api/search', () => {
  it('requires authentication', async () => {
    expectProblem(await ctx.app.client().call(routes.search.search, { query: { q: 'x' } }), 401);
  });

  it('rejects invalid input with a 400 naming the field', async () => {
    const user = await ctx.app.newUser();
    // Sent raw: what the contract's types forbid.
    expect(expectProblem(await user.api.get('/api/search?q=x&kinds=secrets'), 400).errors?.[0]?.path).toMatch(/^query\.kinds/);
    expect(expectProblem(await user.api.get('/api/search?q='), 400).errors?.[0]?.path).toBe('query.q');
    // A crafted owner filter is not a parameter: refused, never applied.
    expectProblem(await user.api.get(`/api/search?q=x&userId=${user.id}`), 400);
  });

  it('finds items of every registered kind by keyword prefix, with snippet, highlights and target', async () => {
    const user = await ctx.app.newUser();
    const project = (await user.call(routes.projects.create, { body: { name: 'Zephyr launch' } })).body;
    const task = (await user.call(routes.tasks.create, { body: { title: 'Book the zephyr venue', projectId: project.id } })).body;
    const note = await newNote(user, 'Ideas', 'Long text.\n\nThe zephyr banner must be blue.');
    const link = (await user.call(routes.links.create, { body: { name: 'Zephyr docs', url: 'example.com/zephyr' } })).body;
    await indexed();
    const { items, semantic } = await search(user, { q: 'zeph' });
    expect(semantic).toBe(true);
    expect(new Set(items.map((i) => `${i.kind}:${i.id}`))).toEqual(
      new Set([`project:${project.id}`, `task:${task.id}`, `note:${note.id}`, `link:${link.id}`]),
    );
    // Targets are the web app's paths: clients open them as they are.
    expect(Object.fromEntries(items.map((i) => [i.kind, i.target]))).toEqual({
      project: `/projects/${project.id}`,
      task: `/tasks?project=${project.id}&status=all`,
      note: `/notes/${note.id}`,
      link: '/links',
    });
    const hit = items.find((i) => i.kind === 'note')!;
    const marked = hit.highlights.map((h) => hit.snippet.slice(h.start, h.end).toLowerCase());
    expect(marked).toEqual(['zeph']);
    expect((await search(user, { q: 'zeph', kinds: 'task,link' })).items.map((i) => i.kind).sort()).toEqual(['link', 'task']);
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
    for (const [title, content] of corpus) ids.push((await newNote(user, title!, content!)).id);
    await indexed();
    const expectFirst = async (query: string, index: number) =>
      expect((await search(user, { q: query })).items[0]?.id, query).toBe(ids[index]);
    await expectFirst('how much will we spend on hiring and travel', 0);
    await expectFirst('watering plants', 1);
    await expectFirst('planned hiking trip for the team', 2);
    await expectFirst('reunions clients maquettes', 4);
  });

  it('finds nothing for a word found nowhere, even where the hashing embedder puts an unrelated text near it', async () => {
    const user = await ctx.app.newUser();
    // Features of "walrus" and of this title share slots of the 384: their vectors score 0.11, as near as a paraphrase may be.
    await user.api.post('/api/notes', { title: 'The quokka photos are ready', content: '' });
    await indexed();
    expect((await search(user, { q: 'walrus' })).items).toEqual([]);
    expect((await search(user, { q: 'quokkas' })).items).toHaveLength(1);
  });

  it('forgets deleted and updated text', async () => {
    const user = await ctx.app.newUser();
    const note = await newNote(user, 'Quokka facts', 'small marsupial');
    await indexed();
    expect((await search(user, { q: 'quokka' })).items).toHaveLength(1);
    await user.call(routes.notes.update, { ...byId(note.id), body: { title: 'Wombat facts' } });
    await indexed();
    expect((await search(user, { q: 'quokka' })).items).toHaveLength(0);
    expect((await search(user, { q: 'wombat' })).items).toHaveLength(1);
    await user.call(routes.notes.remove, byId(note.id));
    await indexed();
    expect((await search(user, { q: 'wombat' })).items).toHaveLength(0);
  });
});

describe('search isolation', () => {
  it('another user never gets my hits, even naming my project; members do, until they leave', async () => {
    const alice = await ctx.app.newUser();
    const bob = await ctx.app.newUser();
    const project = (await alice.call(routes.projects.create, { body: { name: 'Xylophone plan' } })).body;
    await newNote(alice, 'Xylophone private diary', 'xylophone secrets');
    await alice.call(routes.tasks.create, { body: { title: 'Tune the xylophone', projectId: project.id } });
    await indexed();
    expect((await search(alice, { q: 'xylophone' })).items).toHaveLength(3);
    expect((await search(bob, { q: 'xylophone' })).items).toEqual([]);
    expect((await search(bob, { q: 'xylophone secrets' })).items).toEqual([]);
    expectProblem(await bob.call(routes.search.search, { query: { q: 'xylophone', projectId: project.id } }), 404);

    await alice.call(routes.projects.addMember, { ...byId(project.id), body: { username: bob.username } });
    // Adding a member reindexes the project, whose point is rewritten for a moment: let that settle.
    await indexed();
    const shared = await search(bob, { q: 'xylophone' });
    expect(shared.items.map((i) => i.kind).sort()).toEqual(['project', 'task']);
    expect((await search(bob, { q: 'xylophone', projectId: project.id })).items).toHaveLength(2);

    await alice.call(routes.projects.removeMember, { params: { id: project.id, userId: bob.id } });
    expect((await search(bob, { q: 'xylophone' })).items).toEqual([]);
    // A member leaving purges nothing: the project's content stays found by the others.
    await indexed();
    expect((await search(alice, { q: 'xylophone' })).items).toHaveLength(3);
  });

  it('collection info counts only what I can find', async () => {
    const user = await ctx.app.newUser();
    await user.call(routes.links.create, { body: { name: 'Mine', url: 'example.org' } });
    await indexed();
    const res = await user.call(routes.search.collectionInfo);
    expect(res.body).toMatchObject({
      collection: 'panoramix_local_hashing_v1',
      model: 'local-hashing-v1',
      dimension: 384,
      counts: { link: 1 },
    });
    expectProblem(await ctx.app.client().call(routes.search.collectionInfo), 401);
  });
});

describe('GET /api/search/ai-status', () => {
  it('names the offline hashing embedder and shows the queue', async () => {
    const user = await ctx.app.newUser();
    const res = await user.call(routes.search.aiStatus);
    expect(res.status).toBe(200);
    expect(res.body.embeddings).toMatchObject({ provider: 'local', reachable: true, dimension: 384 });
    expect(res.body.embeddings.description).toMatch(/hashing/);
    expect(res.body.vectorStore).toMatchObject({ kind: 'embedded', reachable: true });
    expect(res.body.chat).toEqual({ provider: 'none', model: null });
    expect(res.body.queue).toMatchObject({ failed: 0 });
    expectProblem(await ctx.app.client().call(routes.search.aiStatus), 401);
  });
});
