import type { Types } from 'mongoose';
import { heldCollections, mappings } from './collections/index.ts';
import { legacyObjectId } from './ids.ts';
import { Hold, revive } from './mapping.ts';
import type { MapContext, Mapping, PanoramaDoc } from './mapping.ts';
import { PanoramaPendingModel } from './pending.model.ts';
import { reason, reasonText } from './reasons.ts';
import type { Reason } from './reasons.ts';

/** Where one archive document goes and what is written there: the same on every run (verify relies on it). */
export interface Prepared {
  /** The native collection written to. */
  collection: string;
  doc: Record<string, unknown> & { _id: Types.ObjectId };
  /** Set when the document went to the holding collection: why. */
  held?: Reason;
  /** Set when the model refused the mapped document: nothing is written. */
  invalid?: string;
  unknownFields: string[];
  mapping?: Mapping;
}

export const pendingCollection = PanoramaPendingModel.collection.collectionName;

/** A document kept whole in `panorama_pending`, with why in English (`text` when it says more than the reason's). */
export function holdDocument(
  collection: string,
  doc: PanoramaDoc,
  userId: Types.ObjectId,
  why: Reason,
  text = reasonText(why),
): Prepared {
  const legacyId = String(doc._id);
  return {
    collection: pendingCollection,
    held: why,
    unknownFields: [],
    doc: { _id: legacyObjectId(`pending:${collection}`, legacyId), userId, collection, legacyId, reason: text, doc },
  };
}

/** A document our model refused, kept whole in `panorama_pending` with the model's message. */
export const refusedDocument = (collection: string, doc: PanoramaDoc, userId: Types.ObjectId, invalid: string) =>
  holdDocument(collection, doc, userId, reason('refusedByModel', { detail: invalid }), `refused by the model: ${invalid}`);

/**
 * Maps one archive document: our fields through the collection's mapping, checked and completed
 * by our model (defaults, casts, trims), then `legacyId` and `extra` (the fields we do not know,
 * kept rather than dropped) added beside them.
 */
export async function prepare(collection: string, doc: PanoramaDoc, ctx: MapContext): Promise<Prepared> {
  const mapping = mappings.get(collection);
  if (!mapping) return holdDocument(collection, doc, ctx.userId, heldCollections[collection] ?? reason('unknownCollection'));
  const revived = revive(doc) as PanoramaDoc;
  const result = mapping.map(revived, ctx);
  if (result instanceof Hold) return holdDocument(collection, doc, ctx.userId, result.reason);
  const known = new Set(mapping.known);
  const unknownFields = Object.keys(doc).filter((key) => !known.has(key));
  const { extra: keptByMapping, ...fields } = result as Record<string, unknown> & { extra?: Record<string, unknown> };
  const extra = { ...Object.fromEntries(unknownFields.map((key) => [key, revived[key]])), ...keptByMapping };
  const _id = (fields._id as Types.ObjectId | undefined) ?? legacyObjectId(mapping.collection, String(doc._id));
  const built = new mapping.model({ ...fields, _id, userId: ctx.userId });
  const error = await built.validate().then(
    () => undefined,
    (e: unknown) => e as { errors: Record<string, { path: string; kind: string }> },
  );
  const written: Record<string, unknown> & { _id: Types.ObjectId } = {
    ...built.toObject({ depopulate: true, virtuals: false, versionKey: false }),
    _id,
  };
  // Fields of the mapping our model does not declare (pending members, a task's journal source).
  for (const [key, value] of Object.entries(fields)) if (!(key in written)) written[key] = value;
  written.legacyId = String(doc._id);
  if (Object.keys(extra).length > 0) written.extra = extra;
  return {
    collection: mapping.model.collection.collectionName,
    doc: written,
    unknownFields,
    mapping,
    ...(error
      ? {
          invalid: Object.values(error.errors as Record<string, { path: string; kind: string }>)
            .map((e) => `${e.path}: ${e.kind}`)
            .join(', '),
        }
      : {}),
  };
}

/** A batch split by the collection each document is written to, in first-seen order. */
export function byTarget<T extends { collection: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.collection);
    if (group) group.push(item);
    else groups.set(item.collection, [item]);
  }
  return groups;
}
