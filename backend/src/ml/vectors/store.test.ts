import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startFakeQdrant } from '../../../test/fake-qdrant.ts';
import { pointId } from '../text.ts';
import { createEmbeddedStore } from './embedded.ts';
import { createQdrantStore } from './qdrant.ts';
import type { PointPayload, VectorStore } from './store.ts';

const client = new MongoClient(inject('mongoUri'));
let qdrant: Awaited<ReturnType<typeof startFakeQdrant>>;
beforeAll(async () => {
  await client.connect();
  qdrant = await startFakeQdrant();
});
afterAll(async () => {
  await client.close();
  await qdrant.close();
});

const unit = (...xs: number[]) => {
  const norm = Math.hypot(...xs);
  return xs.map((x) => x / norm);
};

const point = (kind: string, id: string, vector: number[], scope: string, chunk = 0) => {
  const [owner, projectId] = scope.startsWith('project:') ? ['u1', scope.slice(8)] : [scope.slice(5), null];
  const payload: PointPayload = {
    userId: owner!,
    kind,
    id,
    title: `${kind} ${id}`,
    projectId,
    updatedAt: new Date(0).toISOString(),
    scope,
    chunk,
  };
  return { id: pointId(kind, id, chunk || undefined), vector, payload };
};

const stores: [string, () => VectorStore][] = [
  [
    'embedded',
    () => createEmbeddedStore({ db: client.db(`vectors_${randomBytes(4).toString('hex')}`), collection: 'test_model' }),
  ],
  ['qdrant', () => createQdrantStore({ url: qdrant.url, collection: `test_${randomBytes(4).toString('hex')}`, timeoutMs: 2000 })],
];

describe.each(stores)('vector store contract: %s', (_name, make) => {
  it('finds the nearest points inside the given scopes only, best first', async () => {
    const store = make();
    await store.ensure(3);
    await store.upsert([
      point('note', 'a', unit(1, 0, 0), 'user:alice'),
      point('note', 'b', unit(0.9, 0.1, 0), 'user:alice'),
      point('task', 'c', unit(1, 0, 0), 'project:p1'),
      point('note', 'd', unit(1, 0, 0), 'user:bob'),
    ]);
    const hits = await store.search({ vector: unit(1, 0, 0), scopes: ['user:alice'], limit: 10 });
    expect(hits.map((h) => h.payload.id)).toEqual(['a', 'b']);
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    expect(hits[0]!.id).toBe(pointId('note', 'a'));
    const shared = await store.search({
      vector: unit(1, 0, 0),
      scopes: ['user:alice', 'project:p1'],
      kinds: ['task'],
      limit: 10,
    });
    expect(shared.map((h) => h.payload.id)).toEqual(['c']);
    expect(await store.search({ vector: unit(1, 0, 0), scopes: [], limit: 10 })).toEqual([]);
  });

  it('upserts by point id, removes every chunk of an item, and purges a scope', async () => {
    const store = make();
    await store.ensure(2);
    await store.upsert([
      point('note', 'n', unit(1, 0), 'user:u', 0),
      point('note', 'n', unit(0, 1), 'user:u', 1),
      point('link', 'l', unit(1, 1), 'user:u'),
    ]);
    // Moving an item to a project: removed, then written in its new scope (as the worker does).
    await store.search({ vector: unit(1, 1), scopes: ['user:u'], limit: 5 });
    await store.removeItems([{ kind: 'link', id: 'l' }]);
    await store.upsert([point('link', 'l', unit(1, 1), 'project:p')]);
    expect((await store.search({ vector: unit(1, 1), scopes: ['user:u'], limit: 5 })).map((h) => h.payload.id)).toEqual([
      'n',
      'n',
    ]);
    expect(await store.count()).toBe(3);
    // Written again without a removal first: the point is replaced, not duplicated.
    await store.upsert([point('note', 'n', unit(1, 1), 'user:u', 1)]);
    expect(await store.count()).toBe(3);
    const [best] = await store.search({ vector: unit(1, 1), scopes: ['user:u'], limit: 1 });
    expect(best).toMatchObject({ id: pointId('note', 'n', 1), score: expect.closeTo(1, 5) });
    await store.removeItems([{ kind: 'note', id: 'n' }]);
    expect(await store.search({ vector: unit(1, 0), scopes: ['user:u'], limit: 5 })).toEqual([]);
    await store.removeScope('project:p');
    expect(await store.count()).toBe(0);
  });

  it('refuses vectors of another size in an existing collection', async () => {
    const store = make();
    await store.ensure(3);
    await expect(store.ensure(4)).rejects.toThrow(/3-d/);
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('embedded store', () => {
  it('lets batches of two workers create a new collection at the same moment', async () => {
    const db = client.db(`vectors_${randomBytes(4).toString('hex')}`);
    const workers = Array.from({ length: 4 }, () => createEmbeddedStore({ db, collection: 'fresh' }));
    await Promise.all(workers.map((store) => store.ensure(2)));
    expect(await db.collection('vector_collections').find().toArray()).toEqual([{ _id: 'fresh', dimension: 2, markers: true }]);
  });

  it('removes the points of a collection written before item markers existed', async () => {
    const db = client.db(`vectors_${randomBytes(4).toString('hex')}`);
    const before = createEmbeddedStore({ db, collection: 'old' });
    await before.ensure(2);
    await before.upsert([point('note', 'n', unit(1, 0), 'user:u')]);
    // As that version left it: no markers, and no flag saying they exist.
    await db.collection('vector_items').deleteMany({});
    await db.collection('vector_collections').updateOne({ _id: 'old' as never }, { $unset: { markers: 1 } });
    const after = createEmbeddedStore({ db, collection: 'old' });
    await after.ensure(2);
    await after.removeItems([{ kind: 'note', id: 'n' }]);
    expect(await after.count()).toBe(0);
  });
});

describe('qdrant store requests', () => {
  it('always sends the scope filter, and creates keyword payload indexes', async () => {
    const store = createQdrantStore({ url: qdrant.url, collection: 'filters', timeoutMs: 2000 });
    await store.ensure(2);
    await store.search({ vector: unit(1, 0), scopes: ['user:x'], kinds: ['note'], limit: 3 });
    const search = qdrant.log.findLast((r) => r.path.endsWith('/points/search'))!;
    expect(search.body.filter.must).toEqual([
      { key: 'scope', match: { any: ['user:x'] } },
      { key: 'kind', match: { any: ['note'] } },
    ]);
    expect(qdrant.collections.get('filters')!.indexes).toEqual(expect.arrayContaining(['scope', 'kind', 'userId']));
  });
});
