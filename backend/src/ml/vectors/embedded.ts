import { Binary } from 'mongodb';
import type { Db } from 'mongodb';
import { ProviderError } from '../http-client.ts';
import { Segment } from './segment.ts';
import type { PointPayload, VectorPoint, VectorStore } from './store.ts';
import { anyOf } from '../../db/any-of.ts';
import { insertNew, isDuplicateKey } from '../../db/duplicate-key.ts';

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
 *
 * Writes avoid deletes and updates, which FerretDB serves by scanning (see insertNew): points are inserted, and
 * only ids already taken are deleted and written again. `vector_items` holds one marker per item
 * that may have points, so removing an item first tries to insert its marker: an item never
 * indexed (every item of a first indexing or a reindex) costs no scan at all. A marker outlives
 * its item's removal; it only means the next removal of that id scans once.
 */
export function createEmbeddedStore(options: { db: Db; collection: string }): VectorStore {
  const points = options.db.collection<PointDoc>('vector_points');
  const collections = options.db.collection<{ _id: string; dimension: number; markers?: boolean }>('vector_collections');
  const markers = options.db.collection<{ _id: string }>('vector_items');
  const name = options.collection;
  const segments = new Map<string, Promise<Segment>>();
  let dimension: number | null = null;
  let prepared: Promise<void> | undefined;

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

  const markerOf = (item: { kind: string; id: string }) => ({ _id: `${name}/${item.kind}:${item.id}` });

  /** Indexes, and markers for a collection written before they existed (one per indexed item). */
  async function prepare() {
    await Promise.all([
      points.createIndex({ collection: 1, scope: 1 }),
      points.createIndex({ collection: 1, kind: 1, itemId: 1 }),
    ]);
    const info = await collections.findOne({ _id: name });
    if (!info || info.markers) return;
    const items = await points.find({ collection: name }, { projection: { kind: 1, itemId: 1 } }).toArray();
    const unique = new Map(items.map((p) => [`${p.kind}:${p.itemId}`, markerOf({ kind: p.kind, id: p.itemId })]));
    if (unique.size > 0) await insertNew(markers, [...unique.values()]);
    await collections.updateOne({ _id: name }, { $set: { markers: true } });
  }

  return {
    kind: 'embedded',
    collection: name,
    async ensure(dim) {
      prepared ??= prepare().catch((error: unknown) => {
        prepared = undefined; // the next batch tries again
        throw error;
      });
      await prepared;
      const existing = await dimensionOf();
      if (existing !== null && existing !== dim)
        throw new ProviderError('embedded', `collection ${name} holds ${existing}-d vectors, not ${dim}`);
      if (existing === null) {
        const recorded = await collections
          .updateOne({ _id: name }, { $set: { dimension: dim, markers: true } }, { upsert: true })
          .then(() => true)
          .catch((error: unknown) => {
            // Two batches recorded a new collection at once (FerretDB does not retry racing upserts): read theirs.
            if (!isDuplicateKey(error)) throw error;
            return false;
          });
        if (!recorded && (await dimensionOf()) !== dim)
          throw new ProviderError('embedded', `collection ${name} was just created for other vectors than ${dim}-d`);
      }
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
      // Markers first: a removal racing this write then knows the item may have points.
      const itemMarkers = new Map(batch.map((p) => [markerOf(p.payload)._id, markerOf(p.payload)]));
      await insertNew(markers, [...itemMarkers.values()]);
      const taken = await insertNew(points, docs);
      if (taken.length > 0) {
        await points.deleteMany({ _id: { $in: taken.map((doc) => doc._id) } });
        await points.insertMany(taken);
      }
      for (const doc of docs) {
        if (segments.has(doc.scope)) (await segment(doc.scope, dim)).put(doc._id, fromBinary(doc.vector), doc.payload);
      }
    },
    async removeItems(items) {
      if (items.length === 0) return;
      const marked = new Set((await insertNew(markers, items.map(markerOf))).map((marker) => marker._id));
      const known = items.filter((item) => marked.has(markerOf(item)._id));
      if (known.length === 0) return;
      await points.deleteMany({
        collection: name,
        ...anyOf(
          'kind',
          'itemId',
          known.map((item) => [item.kind, item.id]),
        ),
      });
      const keys = new Set(known.map((item) => `${item.kind}:${item.id}`));
      for (const loading of segments.values()) (await loading).removeItems(keys);
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
