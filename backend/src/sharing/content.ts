import type { DomainEventMap } from '@panoramix/contracts';
import type { Model, Types, UpdateQuery } from 'mongoose';
import type { AuthUser } from '../http/auth-guard.ts';
import { notFound } from '../http/problem.ts';
import { idOrNull } from '../lib/dto.ts';
import { after, sortOf, toPage } from '../lib/pagination.ts';
import type { SortKey } from '../lib/pagination.ts';
import type { EventBus } from '../realtime/event-bus.ts';
import { allOf } from '../lib/filters.ts';
import { enterProject, itemAudience, listScope } from './access.ts';

type Id = Types.ObjectId | string;

interface ContentDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  projectId?: Types.ObjectId | null;
}

/** The entities with `created`, `updated` and `deleted` events, read off the event map. */
type EntityOf<T> = T extends `${infer E}.created`
  ? `${E}.updated` | `${E}.deleted` extends keyof DomainEventMap
    ? E
    : never
  : never;
export type ContentEntity = EntityOf<keyof DomainEventMap>;

/** The usual `<entity>.deleted` payload: which item, and in which project it was. */
export const deletedFromProject = (doc: ContentDoc) => ({ id: String(doc._id), projectId: idOrNull(doc.projectId) });

/** An item found for a write, with who sees it (its project already touched). */
export interface Reached<Doc> {
  doc: Doc;
  audience: string[];
}

/**
 * What every kind of project content (tasks, notes, sessions, lines, links) does the same way: find an
 * item the caller may reach (or 404), write it, and announce changes to exactly its audience.
 * A write costs one project round trip: the one that checks access, touches the project and
 * returns its members (see `projectAudience`).
 */
export function projectContent<E extends ContentEntity, Doc extends ContentDoc>(options: {
  // Each content model has its own document type; this helper only filters by id and access.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>;
  entity: E;
  label: string;
  toDto: (doc: Doc) => DomainEventMap[`${E}.created`] & DomainEventMap[`${E}.updated`];
  /** Payload of `<entity>.deleted`. */
  deletedData: (doc: Doc) => DomainEventMap[`${E}.deleted`];
  events: EventBus;
}) {
  const { model, entity, events } = options;

  /** The item by id (access is decided next, on its project), with its audience when the caller reaches it. */
  async function reach(actor: AuthUser, id: string, touch: boolean): Promise<Reached<Doc>> {
    const doc = await model.findOne({ _id: id }).setOptions({ tenancy: 'system' }).lean<Doc>();
    const audience = doc && (await itemAudience(actor, doc, touch));
    if (!doc || !audience) throw notFound(options.label);
    return { doc, audience };
  }

  const findVisible = async (actor: AuthUser, id: string) => (await reach(actor, id, false)).doc;
  const get = async (actor: AuthUser, id: string) => options.toDto(await findVisible(actor, id));
  /** An item the caller is about to change or delete; its project's activity is recorded. */
  const findWritable = (actor: AuthUser, id: string) => reach(actor, id, true);

  const announce = (verb: 'created' | 'updated', doc: Doc, audience: string[]) =>
    events.emit({ type: `${entity}.${verb}`, userId: String(doc.userId), data: options.toDto(doc), audience });

  const announceDeleted = (actor: AuthUser, doc: Doc, audience: string[]) =>
    events.emit({ type: `${entity}.deleted`, userId: actor.id, data: options.deletedData(doc), audience });

  /**
   * A page of what the caller sees (their unfiled items, their projects'), `?projectId=` narrowing it
   * to one flat `{projectId}` once access is checked, in `sort` order: the caller's projects read and the page.
   */
  async function list(
    actor: AuthUser,
    query: { limit: number; cursor?: string | undefined; projectId?: string | undefined },
    sort: SortKey,
    clauses: Record<string, unknown>[] = [],
  ) {
    const scope = await listScope(actor, query.projectId);
    const rows = await model
      .find(allOf(scope, ...clauses, after(sort, query.cursor)))
      .sort(sortOf(sort))
      .limit(query.limit + 1)
      .lean<(Doc & Record<string, unknown>)[]>();
    return toPage(rows, query.limit, sort, options.toDto);
  }

  /** Writes a new item and announces it; `audience` defaults to its project's members, checked like any write. */
  async function create(actor: AuthUser, fields: Record<string, unknown> & { projectId?: Id | null }, audience?: string[]) {
    const to = audience ?? (await enterProject(actor, fields.projectId));
    const doc = (await model.create({ ...fields, userId: actor.id })).toObject() as Doc;
    await announce('created', doc, to);
    return options.toDto(doc);
  }

  /** Deletes an item the caller reaches, after `before` (its children) is done, and tells who saw it. */
  async function remove(actor: AuthUser, id: string, before?: (doc: Doc) => Promise<unknown>) {
    const { doc, audience } = await findWritable(actor, id);
    await before?.(doc);
    await model.deleteOne({ _id: doc._id, userId: doc.userId });
    await announceDeleted(actor, doc, audience);
  }

  /**
   * Where a patch puts the item: its audience after the write, and whether it moves to another
   * project (checked like a create: a project the caller is not a member of is a 400).
   */
  async function target(actor: AuthUser, current: Reached<Doc>, projectId: string | null | undefined) {
    const moving = projectId !== undefined && String(projectId) !== String(current.doc.projectId ?? null);
    return { moving, audience: moving ? await enterProject(actor, projectId) : current.audience };
  }

  /**
   * Writes an update to an item already reached and announces the result to `audience`, who see it
   * after the write; those who saw it before but not now (a move between projects) are told it is gone.
   */
  async function save(actor: AuthUser, current: Reached<Doc>, update: UpdateQuery<Doc>, audience = current.audience) {
    const { _id, userId, projectId } = current.doc;
    // Still where it was read: a concurrent move elsewhere answers 404 rather than writing where access was not checked.
    const updated = await model
      .findOneAndUpdate({ _id, userId, projectId: projectId ?? null }, update, { returnDocument: 'after' })
      .lean<Doc>();
    if (!updated) throw notFound(options.label);
    const now = new Set(audience);
    const gone = current.audience.filter((member) => !now.has(member));
    // Emitted together (in this order), so their search queue entries are stored in one write.
    await Promise.all([announce('updated', updated, audience), gone.length > 0 && announceDeleted(actor, current.doc, gone)]);
    return updated;
  }

  return { findVisible, findWritable, get, list, create, remove, target, save, announce };
}
