import type { DomainEventType, SearchKind } from '@panoramix/contracts';
import type { Model } from 'mongoose';
import { idOrNull } from '../../lib/dto.ts';
import type { AnyDomainEvent } from '../../realtime/event-bus.ts';
import { scopeOf } from '../vectors/store.ts';

/** An item as the index sees it: who may find it, what it is called, the text to embed. */
export interface IndexedItem {
  id: string;
  userId: string;
  projectId: string | null;
  /** Who may find it (see PointPayload.scope); the search service computes the caller's scopes. */
  scope: string;
  title: string;
  text: string;
  updatedAt: Date;
  /** The web app's path to the item, which every client opens (see `searchHit.target`). */
  target: string;
}

/**
 * What a module contributes to search: its kind, the domain events that change its items
 * (their `data.id` names the item) and how to read them. Registered in modules/search/registry.ts.
 */
export interface SearchSource {
  kind: SearchKind;
  events: readonly DomainEventType[];
  /** Long texts (notes) are split into several points. */
  chunked?: boolean;
  /** The current state of these items; an id missing from the answer was deleted. */
  load(ids: string[]): Promise<IndexedItem[]>;
  /** Every item id, page by page, for a full reindex. */
  ids(): AsyncIterable<string[]>;
  /**
   * Events that may delete a whole scope (a project, a room): the scope to purge, or null when
   * this one does not (the same event also tells a member who left that it is gone for them).
   */
  purge?: { events: readonly DomainEventType[]; scopeOf(event: AnyDomainEvent): Promise<string | null> };
}

type Doc = Record<string, unknown> & { _id: unknown; userId: unknown; updatedAt?: Date; createdAt?: Date };

/** Every id of a model, page by page in _id order (FerretDB and MongoDB both walk the primary index for it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only ids are read
export async function* idPages(model: Model<any>): AsyncIterable<string[]> {
  let last: unknown = null;
  for (;;) {
    const filter = last === null ? {} : { _id: { $gt: last } };
    const page = await model.find(filter, { _id: 1 }).sort({ _id: 1 }).limit(500).setOptions({ tenancy: 'system' }).lean<Doc[]>();
    if (page.length === 0) return;
    yield page.map((doc) => String(doc._id));
    last = page.at(-1)!._id;
  }
}

/**
 * Purges `<prefix>:<id>` (a project's, a room's scope) on these events once that container is
 * gone or being deleted; a member who leaves gets the same event, and the container stays.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model with a `deletingAt` field
export function purgeDeleted(model: Model<any>, events: readonly DomainEventType[], prefix: string): SearchSource['purge'] {
  return {
    events,
    async scopeOf(event) {
      const { id } = event.data as { id: string };
      const alive = await model.exists({ _id: id, deletingAt: null }).setOptions({ tenancy: 'system' });
      return alive ? null : `${prefix}:${id}`;
    },
  };
}

/**
 * A source over one Mongoose model: most modules only say which events, which fields make the
 * title and the text, and where the item opens. Reads are system reads: access is decided at
 * search time from the point's scope.
 */
export function modelSource(options: {
  kind: SearchKind;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: sources read plain documents
  model: Model<any>;
  events: readonly DomainEventType[];
  chunked?: boolean;
  purge?: SearchSource['purge'];
  /** Content of a deleted project may still exist until the cascade job removes it. */
  projectOf?: (doc: Doc) => unknown;
  title: (doc: Doc) => string;
  text: (doc: Doc) => string;
  target: (doc: Doc) => string;
}): SearchSource {
  const { model } = options;
  return {
    kind: options.kind,
    events: options.events,
    ...(options.chunked ? { chunked: true } : {}),
    ...(options.purge ? { purge: options.purge } : {}),
    async load(ids) {
      const docs = await model
        .find({ _id: { $in: ids } })
        .setOptions({ tenancy: 'system' })
        .lean<Doc[]>();
      return docs.map((doc) => {
        const projectId = options.projectOf ? options.projectOf(doc) : doc.projectId;
        const item = { userId: String(doc.userId), projectId: idOrNull(projectId) };
        return {
          id: String(doc._id),
          ...item,
          scope: scopeOf(item),
          title: options.title(doc),
          text: options.text(doc),
          updatedAt: doc.updatedAt ?? doc.createdAt ?? new Date(),
          target: options.target(doc),
        };
      });
    },
    ids: () => idPages(model),
  };
}
