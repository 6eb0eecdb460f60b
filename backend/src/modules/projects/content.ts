import type { DomainEventMap, DomainEventType } from '@panoramix/contracts';
import type { Model, Types, UpdateQuery } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { notFound } from '../../http/problem.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { audienceOf, contentFilter, requireProjectForContent, touchProject } from './access.ts';

interface ContentDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  projectId?: Types.ObjectId | null;
}

type EntityOf<T extends string> = T extends `${infer E}.${string}` ? E : never;
type Entity = EntityOf<DomainEventType>;

/**
 * What every kind of project content (tasks, notes, sessions, lines) does the same way:
 * find an item the caller may see (or 404), and announce changes to exactly its audience.
 */
export function projectContent<Doc extends ContentDoc, Dto>(options: {
  // Each content model has its own document type; this helper only filters by id and access.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>;
  entity: Entity;
  label: string;
  toDto: (doc: Doc) => Dto;
  events: EventBus;
  /** Payload of `<entity>.deleted`; default `{ id, projectId }`. */
  deletedData?: (doc: Doc) => Record<string, unknown>;
}) {
  const { model, entity, events } = options;
  const emit = (type: string, userId: string, data: unknown, audience: string[]) =>
    events.emit({ type: type as DomainEventType, userId, data: data as DomainEventMap[DomainEventType], audience });

  async function findVisible(actor: AuthUser, id: string): Promise<Doc> {
    const doc = await model.findOne({ $and: [{ _id: id }, await contentFilter(actor)] }).lean<Doc>();
    if (!doc) throw notFound(options.label);
    return doc;
  }

  async function announce(verb: 'created' | 'updated', doc: Doc) {
    await touchProject(doc.projectId);
    await emit(`${entity}.${verb}`, String(doc.userId), options.toDto(doc), await audienceOf(doc));
  }

  const deletedData = (doc: Doc) =>
    options.deletedData?.(doc) ?? { id: String(doc._id), projectId: doc.projectId ? String(doc.projectId) : null };

  /** `audience` defaults to who could see the item; pass a narrower list when only some lost sight of it. */
  async function announceDeleted(actor: AuthUser, doc: Doc, audience?: string[]) {
    await touchProject(doc.projectId);
    await emit(`${entity}.deleted`, actor.id, deletedData(doc), audience ?? (await audienceOf(doc)));
  }

  /** After a move between projects, tells those who could see the item before but not now. */
  async function announceMove(actor: AuthUser, before: Doc, after: Doc) {
    const now = new Set(await audienceOf(after));
    const gone = (await audienceOf(before)).filter((userId) => !now.has(userId));
    if (gone.length > 0) await announceDeleted(actor, before, gone);
  }

  /** Whether a patch moves the item to another project; checks the caller may put it there. */
  async function checkMove(actor: AuthUser, current: Doc, projectId: string | null | undefined): Promise<boolean> {
    const moving = projectId !== undefined && String(projectId) !== String(current.projectId ?? null);
    if (moving && projectId) await requireProjectForContent(actor, projectId);
    return moving;
  }

  /** Writes an update to an item already found visible, and announces the result. */
  async function save(current: Doc, update: UpdateQuery<Doc>): Promise<Doc> {
    const updated = await model
      .findOneAndUpdate({ _id: current._id, userId: current.userId }, update, { returnDocument: 'after' })
      .lean<Doc>();
    if (!updated) throw notFound(options.label);
    await announce('updated', updated);
    return updated;
  }

  return { findVisible, announce, announceDeleted, announceMove, checkMove, save };
}
