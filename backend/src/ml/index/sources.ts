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
  /**
   * Every item `load` would return, as its id and last change, page by page: a full reindex queues
   * them, the reconciliation compares them with the index.
   */
  stamps(): AsyncIterable<ItemStamp[]>;
  /**
   * Events that may delete a whole scope (a project, a room): the scope to purge, or null when
   * this one does not (the same event also tells a member who left that it is gone for them).
   */
  purge?: { events: readonly DomainEventType[]; scopeOf(event: AnyDomainEvent): Promise<string | null> };
}

type Doc = Record<string, unknown> & { _id: unknown; userId: unknown; updatedAt?: Date; createdAt?: Date };

/** An item's id and the `updatedAt` the index stores for it (null when the item keeps no date). */
export interface ItemStamp {
  id: string;
  updatedAt: Date | null;
}

const STAMP_PAGE = 500;

/**
 * The stamps of a model's documents matching `filter`, page by page, from one cursor: one
 * collection scan on FerretDB (which pushes no range or sort down, so `_id > last` pages would each
 * scan it again). A document written during the walk may be missed; the next pass finds it.
 */
export async function* stampPages<D extends Doc>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only the stamp's fields are read
  model: Model<any>,
  options: { filter?: Record<string, unknown>; fields: string[]; stampOf: (doc: D) => Date | null | undefined },
): AsyncIterable<ItemStamp[]> {
  const projection = Object.fromEntries(['_id', ...options.fields].map((field) => [field, 1]));
  const cursor = model
    .find(options.filter ?? {}, projection)
    .setOptions({ tenancy: 'system' })
    .lean<D[]>()
    .cursor({ batchSize: STAMP_PAGE });
  let page: ItemStamp[] = [];
  for await (const doc of cursor as AsyncIterable<D>) {
    page.push({ id: String(doc._id), updatedAt: options.stampOf(doc) ?? null });
    if (page.length === STAMP_PAGE) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
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
    // The same date `load` gives the item.
    stamps: () => stampPages(model, { fields: ['updatedAt', 'createdAt'], stampOf: (doc) => doc.updatedAt ?? doc.createdAt }),
  };
}
