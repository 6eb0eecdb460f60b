import type { Model } from 'mongoose';
import type { Types } from 'mongoose';
import type { UpgradeCause } from '../../db/owner-json-maps.ts';

/**
 * Which documents of a collection belong to an export:
 * - `owner`: documents carrying the user's `userId` (every owned model);
 * - `account`: the user's own document (`_id` is the user id) — the users collection;
 * - `instance`: instance-wide documents, only in a whole-instance export.
 */
export type ExportScope = 'owner' | 'account' | 'instance';

/** What a module declares to take part in export and import; the archive code is generic over it. */
export interface ExportedCollection {
  /** The `collection` name in the archive (Panorama's naming: camelCase, e.g. `noteSessions`). */
  name: string;
  // Models differ in their document types; the archive code only reads and writes plain documents.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>;
  scope: ExportScope;
  /**
   * Brings older documents up to date (stored before a change of shape, or imported from an archive
   * of that time): run at start and after an import (`cause` says which: a derived collection may skip a start).
   */
  upgrade?: (cause: UpgradeCause) => Promise<unknown>;
}

/** Whose data an export holds: one user's, or the whole instance's (an administrator's backup). */
export type ExportTarget = { kind: 'user'; userId: Types.ObjectId } | { kind: 'instance' };

/** The filter selecting a collection's documents for a target; `undefined` means "not in this export". */
export function exportFilter(collection: ExportedCollection, target: ExportTarget): Record<string, unknown> | undefined {
  if (target.kind === 'instance') return {};
  if (collection.scope === 'owner') return { userId: target.userId };
  if (collection.scope === 'account') return { _id: target.userId };
  return undefined;
}

/**
 * After an import wrote documents past the services (a backup restore, a Panorama archive), brings
 * what each module derives from them up to date: the `upgrade` of every collection `wrote` names.
 */
export async function upgradeImported(
  collections: Iterable<ExportedCollection>,
  wrote: (collection: ExportedCollection) => boolean,
) {
  for (const collection of collections) if (wrote(collection)) await collection.upgrade?.('import');
}
