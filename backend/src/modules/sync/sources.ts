import type { NoteSummary, SyncCollection, SyncedItem } from '@panoramix/contracts';
import type { Model } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { contentFilter, memberProjectIds, visibleProjects } from '../../sharing/access.ts';
import { LinkModel } from '../links/model.ts';
import { toLinkDto } from '../links/service.ts';
import { NoteModel } from '../notes/model.ts';
import type { NoteDoc } from '../notes/model.ts';
import { toNoteDto } from '../notes/service.ts';
import { NoteSessionModel } from '../notes/sessions.model.ts';
import { toNoteSessionDto } from '../notes/sessions.service.ts';
import { ProjectModel } from '../projects/model.ts';
import type { ProjectDoc } from '../projects/model.ts';
import { toProjectDtos } from '../projects/service.ts';
import { TaskModel } from '../tasks/model.ts';
import { toTaskDto } from '../tasks/service.ts';
import { joinedSince } from './tombstones.ts';

/** Documents per database batch and per write of the answer: a few hundred KB of JSON at most. */
const BATCH = 500;

type Batches<T> = AsyncGenerator<T[]>;

/** A cursor's documents as items, one batch at a time (the projects' batch reads its members' names once). */
async function* inBatches<Doc, Item>(cursor: AsyncIterable<Doc>, toItems: (docs: Doc[]) => Item[] | Promise<Item[]>) {
  let docs: Doc[] = [];
  for await (const doc of cursor) {
    docs.push(doc);
    if (docs.length < BATCH) continue;
    yield await toItems(docs);
    docs = [];
  }
  if (docs.length > 0) yield await toItems(docs);
}

/** Only what the DTO reads: a bounded read (notes come without their content). */
const fields = (...names: string[]) => Object.fromEntries(['userId', 'createdAt', 'updatedAt', ...names].map((n) => [n, 1]));

// Each content model has its own document type; this reader only filters and projects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function read<Doc>(model: Model<any>, filter: Record<string, unknown>, projection: Record<string, number>) {
  return model.find(filter, projection).lean<Doc[]>().cursor({ batchSize: BATCH }) as AsyncIterable<Doc>;
}

/**
 * Project content the caller sees, as its list routes decide it (`contentFilter`): everything, or
 * what changed from `since` on plus the whole content of the projects they joined since then,
 * whose items may be older than that.
 */
function projectContent<Doc, Item>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>,
  projection: Record<string, number>,
  toItem: (doc: Doc) => Item,
) {
  return async function* (actor: AuthUser, since: Date | undefined): Batches<Item> {
    const visible = await contentFilter(actor);
    const toItems = (docs: Doc[]) => docs.map(toItem);
    yield* inBatches(read<Doc>(model, since ? { ...visible, updatedAt: { $gte: since } } : visible, projection), toItems);
    const joined = since ? await joinedSince(actor, since) : [];
    if (joined.length === 0) return;
    // Only those still visible, as the lists decide: a grant outlives a deleted project by a moment.
    const members = new Set((await memberProjectIds(actor)).map(String));
    const projectIds = joined.filter((id) => members.has(id));
    if (projectIds.length > 0) yield* inBatches(read<Doc>(model, { projectId: { $in: projectIds } }, projection), toItems);
  };
}

const noteSummary = (doc: Omit<NoteDoc, 'content'>): NoteSummary => {
  const { content: _content, ...summary } = toNoteDto({ ...doc, content: '' });
  return summary;
};

type Source<C extends SyncCollection> = (actor: AuthUser, since: Date | undefined) => Batches<SyncedItem<C>>;

/** How each synced collection is read for one caller: the same access rules and DTOs as its list route. */
export const sources: { [C in SyncCollection]: Source<C> } = {
  async *projects(actor, since) {
    const filter = { ...visibleProjects(actor), ...(since ? { updatedAt: { $gte: since } } : {}) };
    const projection = fields(
      'memberIds',
      'name',
      'description',
      'status',
      'targetDate',
      'healthFlag',
      'colorLabel',
      'isFavorite',
      'favoriteRank',
      'rank',
    );
    yield* inBatches(read<ProjectDoc>(ProjectModel, filter, projection), toProjectDtos);
  },
  tasks: projectContent(
    TaskModel,
    fields(
      'projectId',
      'title',
      'notes',
      'status',
      'statusChangedAt',
      'deadline',
      'isUrgent',
      'isImportant',
      'rank',
      'tags',
      'assigneeId',
      'estimate',
      'actual',
    ),
    toTaskDto,
  ),
  notes: projectContent(NoteModel, fields('projectId', 'title'), noteSummary),
  noteSessions: projectContent(
    NoteSessionModel,
    fields('projectId', 'name', 'aiSummary', 'aiSummaryAt', 'closedAt'),
    toNoteSessionDto,
  ),
  links: projectContent(LinkModel, fields('projectId', 'name', 'url', 'clicksCount', 'lastClickedAt'), toLinkDto),
};
