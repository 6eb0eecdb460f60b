import type { Types } from 'mongoose';
import { readFrames } from './archive.ts';
import { legacyObjectId } from './ids.ts';
import type { MapContext } from './mapping.ts';
import { reason } from './reasons.ts';
import type { Reason } from './reasons.ts';

/** What the first pass learns: every id the archive holds, by collection, and whose data it is. */
export interface ArchiveIndex {
  ids: Map<string, Set<string>>;
  /** Panorama user ids found as owners (`userId`): the archive's user, who becomes the target user. */
  owners: Set<string>;
  documents: number;
}

/**
 * Reads the archive once for its ids only, so a reference can be told dangling before anything is
 * written: the set of ids is the only thing kept (some 17 bytes an id), not the documents.
 */
export async function scanArchive(archive: string): Promise<ArchiveIndex> {
  const index: ArchiveIndex = { ids: new Map(), owners: new Set(), documents: 0 };
  for await (const frame of readFrames(archive)) {
    if ('type' in frame) continue;
    index.documents++;
    let ids = index.ids.get(frame.collection);
    if (!ids) index.ids.set(frame.collection, (ids = new Set()));
    ids.add(String(frame.doc._id));
    if (typeof frame.doc.userId === 'string') index.owners.add(frame.doc.userId);
  }
  return index;
}

/** The mapping context of one run; `fix` and `firstTime` report into the caller's hooks. */
export function mapContext(options: {
  index: ArchiveIndex;
  userId: Types.ObjectId;
  timeZone: string;
  mapUsers: ReadonlyMap<string, Types.ObjectId>;
  onFix: (reason: Reason) => void;
}): MapContext {
  const { index, userId, mapUsers, onFix } = options;
  const seen = new Set<string>();
  return {
    userId,
    timeZone: options.timeZone,
    ref(family, legacyId, field) {
      if (legacyId === undefined || legacyId === null || legacyId === '' || legacyId === '__none__') return null;
      if (typeof legacyId === 'string' && index.ids.get(family)?.has(legacyId)) {
        return legacyObjectId(family, legacyId);
      }
      onFix(reason('dangling', { field }));
      return null;
    },
    member: (legacyUserId) => (index.owners.has(legacyUserId) ? userId : mapUsers.get(legacyUserId)),
    fix: onFix,
    firstTime(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  };
}
