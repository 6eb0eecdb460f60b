import { Binary } from 'mongodb';
import type { Db } from 'mongodb';
import { ProviderError } from '../http-client.ts';
import { Segment } from './segment.ts';
import type { PointPayload, VectorPoint, VectorStore } from './store.ts';

interface PointDoc {
  _id: string;
  collection: string;
  scope: string;
  kind: string;
  itemId: string;
  payload: PointPayload;
  vector: Binary;
}

const toBinary = (vector: number[]) => new Binary(Buffer.from(new Float32Array(vector).buffer));
/** Copies out of the driver's buffer, whose offset need not be 4-byte aligned. */
const fromBinary = (binary: Binary) => new Float32Array(Uint8Array.from(binary.buffer).buffer);

/**
 * The store for `npm start` and the tests: points persisted in MongoDB (`vector_points`), and an
 * exact in-process index loaded one scope at a time on first use, so a search scans only what
 * the caller may see. Exact cosine over contiguous Float32Arrays; measured in bench/search.
 * One API instance only: another instance's writes are not seen until restart (use Qdrant then).
 */
export function createEmbeddedStore(options: { db: Db; collection: string }): VectorStore {
  const points = options.db.collection<PointDoc>('vector_points');
  const collections = options.db.collection<{ _id: string; dimension: number }>('vector_collections');
  const name = options.collection;
  const segments = new Map<string, Promise<Segment>>();
  let dimension: number | null = null;
  let indexed: Promise<unknown> | undefined;

  async function dimensionOf(): Promise<number | null> {
    dimension ??= (await collections.findOne({ _id: name }))?.dimension ?? null;
    return dimension;
  }

  function segment(scope: string, dim: number): Promise<Segment> {
    let loading = segments.get(scope);
    if (!loading) {
      loading = (async () => {
        const seg = new Segment(dim);
        for await (const doc of points.find({ collection: name, scope })) seg.put(doc._id, fromBinary(doc.vector), doc.payload);
        return seg;
      })();
      loading.catch(() => segments.delete(scope));
      segments.set(scope, loading);
    }
    return loading;
  }

  /** Drops the given points from the loaded segments after they left the database. */
  async function forget(docs: { _id: string; scope: string }[]) {
    for (const doc of docs) (await segments.get(doc.scope))?.remove(doc._id);
  }

  return {
    kind: 'embedded',
    collection: name,
    async ensure(dim) {
      indexed ??= Promise.all([
        points.createIndex({ collection: 1, scope: 1 }),
        points.createIndex({ collection: 1, kind: 1, itemId: 1 }),
      ]);
      await indexed;
      const existing = await dimensionOf();
      if (existing !== null && existing !== dim)
        throw new ProviderError('embedded', `collection ${name} holds ${existing}-d vectors, not ${dim}`);
      if (existing === null) await collections.updateOne({ _id: name }, { $set: { dimension: dim } }, { upsert: true });
      dimension = dim;
    },
    async upsert(batch: VectorPoint[]) {
      if (batch.length === 0) return;
      const dim = (await dimensionOf()) ?? batch[0]!.vector.length;
      const docs = batch.map((p) => ({
        _id: `${name}/${p.id}`,
        collection: name,
        scope: p.payload.scope,
        kind: p.payload.kind,
        itemId: p.payload.id,
        payload: p.payload,
        vector: toBinary(p.vector),
      }));
      // By _id only: the one filter FerretDB serves without scanning the collection.
      await points.bulkWrite(docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })));
      for (const doc of docs) {
        if (segments.has(doc.scope)) (await segment(doc.scope, dim)).put(doc._id, fromBinary(doc.vector), doc.payload);
      }
    },
    async removeItems(items) {
      if (items.length === 0) return;
      const filter = { collection: name, $or: items.map((item) => ({ kind: item.kind, itemId: item.id })) };
      const gone = await points.find(filter, { projection: { _id: 1, scope: 1 } }).toArray();
      await points.deleteMany(filter);
      await forget(gone);
    },
    async removeScope(scope) {
      await points.deleteMany({ collection: name, scope });
      segments.delete(scope);
    },
    async search(query) {
      const dim = await dimensionOf();
      if (dim === null || query.scopes.length === 0) return [];
      const vector = Float32Array.from(query.vector);
      const kinds = query.kinds?.length ? new Set(query.kinds) : null;
      const top: Awaited<ReturnType<VectorStore['search']>> = [];
      for (const scope of new Set(query.scopes)) (await segment(scope, dim)).scan(vector, kinds, query.limit, top);
      return top.map((hit) => ({ ...hit, id: hit.id.slice(name.length + 1) }));
    },
    count: () => points.countDocuments({ collection: name }),
    async ping() {
      await options.db.command({ ping: 1 });
    },
  };
}
