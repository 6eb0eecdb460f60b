import type { DomainEventType, SearchKind } from '@panoramix/contracts';
import type { Model } from 'mongoose';

/** An item as the index sees it: who may find it, what it is called, the text to embed. */
export interface IndexedItem {
  id: string;
  userId: string;
  projectId: string | null;
  title: string;
  text: string;
  updatedAt: Date;
  /** Where the item opens in the app. */
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
}

type Doc = Record<string, unknown> & { _id: unknown; userId: unknown; updatedAt?: Date; createdAt?: Date };

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
    async load(ids) {
      const docs = await model
        .find({ _id: { $in: ids } })
        .setOptions({ tenancy: 'system' })
        .lean<Doc[]>();
      return docs.map((doc) => {
        const projectId = options.projectOf ? options.projectOf(doc) : doc.projectId;
        return {
          id: String(doc._id),
          userId: String(doc.userId),
          projectId: projectId ? String(projectId) : null,
          title: options.title(doc),
          text: options.text(doc),
          updatedAt: doc.updatedAt ?? doc.createdAt ?? new Date(),
          target: options.target(doc),
        };
      });
    },
    async *ids() {
      let last: unknown = null;
      for (;;) {
        const filter = last === null ? {} : { _id: { $gt: last } };
        // _id order: FerretDB and MongoDB both walk the primary index for it.
        const page = await model
          .find(filter, { _id: 1 })
          .sort({ _id: 1 })
          .limit(500)
          .setOptions({ tenancy: 'system' })
          .lean<Doc[]>();
        if (page.length === 0) return;
        yield page.map((doc) => String(doc._id));
        last = page.at(-1)!._id;
      }
    },
  };
}
