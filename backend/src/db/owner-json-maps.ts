import type { Collection, Document } from 'mongodb';
import type { Types } from 'mongoose';
import { isDuplicateKey } from './duplicate-key.ts';
import type { VersionedJsonMapDoc } from './versioned-json-map.ts';

/** The maps of one owner as a rebuild computed them, by `_id`. */
export type BuiltMaps = ReadonlyMap<string, Record<string, unknown>>;

/**
 * Recomputes an owner's JSON maps (versioned-json-map.ts) from their source: `build` reads it,
 * then each map is written only if no change reached it since the rebuild began (`v`); one that
 * did starts the rebuild again, so a write made meanwhile is never dropped. Maps the build no
 * longer has are emptied. `onInsert` gives a new map's fields beside `_id`, `v` and `entries`.
 */
export async function rebuildOwnerMaps(
  collection: Collection<Document>,
  owner: Types.ObjectId,
  build: () => Promise<BuiltMaps>,
  onInsert: (_id: string) => Record<string, unknown>,
) {
  for (;;) {
    const docs = (await collection.find({ userId: owner }).project({ v: 1 }).toArray()) as unknown as VersionedJsonMapDoc[];
    const before = new Map(docs.map((doc) => [doc._id, doc.v]));
    if (await writeAll(collection, await build(), before, onInsert)) return;
  }
}

/**
 * Every owner's maps from the source: drops the maps of owners the source no longer has (a deleted
 * account's), then rebuilds each remaining owner's with `rebuildOwner`.
 */
export async function rebuildEveryOwner(
  collection: Collection<Document>,
  owners: readonly Types.ObjectId[],
  rebuildOwner: (owner: string) => Promise<void>,
) {
  const kept = new Set(owners.map(String));
  const stale = (await collection.distinct('userId')).filter((owner) => !kept.has(String(owner)));
  if (stale.length > 0) await collection.deleteMany({ userId: { $in: stale } });
  for (const owner of owners) await rebuildOwner(String(owner));
}

async function writeAll(
  collection: Collection<Document>,
  built: BuiltMaps,
  before: ReadonlyMap<string, number>,
  onInsert: (_id: string) => Record<string, unknown>,
) {
  const emptied = [...before.keys()].filter((_id) => !built.has(_id));
  for (const _id of emptied) {
    const v = before.get(_id)!;
    const { matchedCount } = await collection.updateOne({ _id, v } as never, { $set: { entries: '{}', v: v + 1 } });
    if (matchedCount !== 1) return false;
  }
  for (const [_id, entries] of built) {
    const v = before.get(_id);
    const text = JSON.stringify(entries);
    if (v === undefined) {
      try {
        await collection.insertOne({ ...onInsert(_id), _id, v: 1, entries: text } as never);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        return false;
      }
    } else {
      const { matchedCount } = await collection.updateOne({ _id, v } as never, { $set: { entries: text, v: v + 1 } });
      if (matchedCount !== 1) return false;
    }
  }
  return true;
}

/** When a derived collection's upgrade hook runs: at an API start, or after an archive import wrote its source. */
export type UpgradeCause = 'start' | 'import';

const STAMP = '_built';

/**
 * Rebuilds a derived collection's maps from their source, at start only when its stamp is older
 * than `version` (the maps' format) or missing (a new database, or the collection dropped): a
 * start with fresh maps costs one read. An archive import always rebuilds (it wrote the source,
 * not the maps). The stamp has no `userId`, so owners' rebuilds never see it.
 */
export async function rebuildUnlessCurrent(
  collection: Collection<Document>,
  version: number,
  cause: UpgradeCause,
  rebuildAll: () => Promise<unknown>,
) {
  if (cause === 'start') {
    const stamp = (await collection.findOne({ _id: STAMP } as never)) as { version?: number } | null;
    if (stamp?.version === version) return;
  }
  await rebuildAll();
  await collection.updateOne({ _id: STAMP } as never, { $set: { version, at: new Date() } }, { upsert: true });
}
