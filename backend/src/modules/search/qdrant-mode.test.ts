import { routes } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeQdrant } from '../../../test/fake-qdrant.ts';
import { byId, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';

let qdrant: Awaited<ReturnType<typeof startFakeQdrant>>;
let app: TestApp;
beforeAll(async () => {
  qdrant = await startFakeQdrant();
  app = await startTestApp({ QDRANT_URL: qdrant.url, QDRANT_COLLECTION: 'panoramix' });
});
afterAll(async () => {
  await app.close();
  await qdrant.close();
});

describe('search with Qdrant as the vector store', () => {
  it('indexes into a collection named after the model and searches with the caller scope only', async () => {
    const alice = await app.newUser();
    const bob = await app.newUser();
    const newNote = (user: TestUser, title: string, content: string) =>
      user.call(routes.notes.create, { body: { title, content } });
    const note = (await newNote(alice, 'Budget review', 'cloud spending and hiring costs')).body;
    await newNote(bob, 'Budget of bob', 'hiring costs too');
    await app.server.services.indexer.flush();

    const collection = qdrant.collections.get('panoramix_local_hashing_v1')!;
    expect(collection.size).toBe(384);
    const stored = [...collection.points.values()].find((p) => p.payload.id === note.id)!;
    expect(stored.payload).toMatchObject({
      userId: alice.id,
      kind: 'note',
      id: note.id,
      title: 'Budget review',
      projectId: null,
      scope: `user:${alice.id}`,
    });

    // No keyword in common: only the vector side can find it.
    const res = await alice.call(routes.search.search, { query: { q: 'spend money hire' } });
    expect(res.body.items.map((i) => i.id)).toEqual([note.id]);
    const search = qdrant.log.findLast((r) => r.path.endsWith('/points/search'))!;
    expect(search.body.filter.must[0]).toEqual({ key: 'scope', match: { any: [`user:${alice.id}`] } });

    // Room messages live in the room's scope, which members search with.
    const room = (await alice.call(routes.rooms.create, { body: { type: 'group', name: 'Crew', memberIds: [bob.id] } })).body;
    const message = (
      await alice.call(routes.messages.send, { ...byId(room.id), body: { clientId: 'qdrant-msg-1', text: 'budget talk' } })
    ).body;
    await app.server.services.indexer.flush();
    expect([...collection.points.values()].find((p) => p.payload.id === message.id)!.payload.scope).toBe(`room:${room.id}`);
    const found = await bob.call(routes.search.search, { query: { q: 'budget talk', kinds: 'message' } });
    expect(found.body.items.map((i) => i.id)).toEqual([message.id]);
    const roomSearch = qdrant.log.findLast((r) => r.path.endsWith('/points/search'))!;
    expect(roomSearch.body.filter.must[0].match.any).toContain(`room:${room.id}`);

    const status = await alice.call(routes.search.aiStatus);
    expect(status.body.vectorStore).toEqual({
      kind: 'qdrant',
      collection: 'panoramix_local_hashing_v1',
      reachable: true,
      error: null,
    });
  });
});
