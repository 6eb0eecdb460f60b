import type { Model, Types } from 'mongoose';
import { legacyObjectId } from './ids.ts';
import type { Reason } from './reasons.ts';
import { reason } from './reasons.ts';

/** A document as Panorama wrote it: plain JSON, ids and dates as strings. */
export type PanoramaDoc = Record<string, unknown> & { _id: string | number };

/** What a mapping may read besides the document: the import's choices and what the archive holds. */
export interface MapContext {
  /** The user every imported document belongs to. */
  userId: Types.ObjectId;
  /** The target user's time zone (alarms need one; Panorama's ran in the server's). */
  timeZone: string;
  /**
   * The ObjectId an id of `family` becomes, or null when there is none: empty, `__none__`, or an id
   * the archive does not hold (then the reference is cleared and reported as dangling).
   */
  ref(family: string, legacyId: unknown, field: string): Types.ObjectId | null;
  /** Panorama user ids → our users: the archive's owner and `--map-user` pairs; the rest stay pending. */
  member(legacyUserId: string): Types.ObjectId | undefined;
  /** Records a fix made on the way (a legacy shape, a cleared reference): reported, the document imported. */
  fix(reason: Reason): void;
  /** True the first time a key is seen in this run (duplicate detection across documents). */
  firstTime(key: string): boolean;
}

/** A document our model cannot take as it is: kept whole in the holding collection, with the reason. */
export class Hold {
  constructor(readonly reason: Reason) {}
}

/** One Panorama collection's home: which model it goes to and how its fields translate. */
export interface Mapping {
  /** The archive's `collection` name; also the id family of its documents. */
  collection: string;
  // Models differ in their document types; the importer only writes plain documents.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>;
  /** Panorama fields the mapping reads; every other field is kept under `extra` and reported. */
  known: readonly string[];
  /**
   * Our fields (dates already revived); `userId` and `legacyId` are added by the importer, and `_id`
   * too unless our model derives it from another document's (a situation's summary has the situation's).
   * An `extra` object joins the unknown fields: a known field's value our model cannot hold.
   */
  map(doc: PanoramaDoc, ctx: MapContext): Record<string, unknown> | Hold;
  /** The search kind of the collection's items, queued for indexing once written. */
  searchKind?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Spec §2.1's date fields; besides them any `…At`/`…Date` field holding an ISO string is a date. */
const DATE_FIELDS = new Set([
  'createdAt',
  'updatedAt',
  'statusChangedAt',
  'deadline',
  'targetDate',
  'nextTriggerAt',
  'snoozedUntilAt',
  'acknowledgedAt',
  'lastFiredAt',
  'lockedAt',
  'lastClickedAt',
  'importedAt',
  'arrivalDate',
  'aiSummaryAt',
  'coachAt',
  'panoramaUpdatedAt',
  'doneAt',
]);
const isDateField = (key: string) => DATE_FIELDS.has(key) || key.endsWith('At') || key.endsWith('Date');

/** ISO strings of date fields back to Dates, at any depth (`source.createdAt`); budget `date` is not one. */
export function revive(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return isDateField(key) && ISO.test(value) ? new Date(value) : value;
  if (Array.isArray(value)) return value.map((item) => revive(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, k)]));
  }
  return value;
}

export const dateOrNull = (value: unknown) => (value instanceof Date ? value : null);
export const text = (value: unknown) => (typeof value === 'string' ? value : '');
export const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);
export const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
export const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Timestamps every model has; an undated document gets the epoch, the same on every run. */
export function timestamps(doc: PanoramaDoc, ctx: MapContext) {
  const createdAt = dateOrNull(doc.createdAt);
  if (!createdAt) ctx.fix(reason('noCreatedAt'));
  const created = createdAt ?? new Date(0);
  return { createdAt: created, updatedAt: dateOrNull(doc.updatedAt) ?? created };
}

/** Every field the importer itself reads, so none of them is reported unknown. */
export const COMMON_FIELDS = ['_id', 'userId', 'createdAt', 'updatedAt'] as const;

export const idOf = (mapping: Pick<Mapping, 'collection'>, doc: PanoramaDoc) =>
  legacyObjectId(mapping.collection, String(doc._id));
