import type { JournalEntry } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { notFound } from '../../http/problem.ts';
import { ownedBase } from '../../lib/dto.ts';
import { after, sortOf, toPage } from '../../lib/pagination.ts';
import type { SortKey } from '../../lib/pagination.ts';
import { enqueue } from '../../ml/index/queue.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { JournalEntryModel } from './model.ts';
import type { JournalEntryDoc } from './model.ts';

/** Newest first by when the line was written: an undone delete comes back at its own place. */
const byWritten: SortKey = { field: 'createdAt', direction: 'desc' };

export const toJournalEntryDto = (doc: JournalEntryDoc): JournalEntry => ({ ...ownedBase(doc), content: doc.content });

/** The journal is private: every read and write is its owner's, another user's entry answers 404. */
export function createJournalService(deps: { events: EventBus }) {
  const mine = (actor: AuthUser, id: string) => ({ _id: id, userId: actor.id });

  async function announce(type: 'journalEntry.created' | 'journalEntry.updated', doc: JournalEntryDoc) {
    const entry = toJournalEntryDto(doc);
    await deps.events.emit({ type, userId: entry.userId, data: entry });
    return entry;
  }

  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined }) {
    const rows = await JournalEntryModel.find({ userId: actor.id, ...after(byWritten, query.cursor) })
      .sort(sortOf(byWritten))
      .limit(query.limit + 1)
      .lean<JournalEntryDoc[]>();
    return toPage(rows, query.limit, byWritten, toJournalEntryDto);
  }

  async function create(actor: AuthUser, input: { content: string; createdAt?: string | undefined }) {
    const doc = new JournalEntryModel({ userId: actor.id, content: input.content });
    if (input.createdAt) doc.createdAt = new Date(input.createdAt);
    await doc.save();
    return announce('journalEntry.created', doc.toObject() as JournalEntryDoc);
  }

  async function update(actor: AuthUser, id: string, input: { content: string }) {
    const doc = await JournalEntryModel.findOneAndUpdate(
      mine(actor, id),
      { $set: { content: input.content } },
      {
        returnDocument: 'after',
      },
    ).lean<JournalEntryDoc>();
    if (!doc) throw notFound('Journal entry');
    return announce('journalEntry.updated', doc);
  }

  async function remove(actor: AuthUser, id: string) {
    const { deletedCount } = await JournalEntryModel.deleteOne(mine(actor, id));
    if (deletedCount === 0) throw notFound('Journal entry');
    await deps.events.emit({ type: 'journalEntry.deleted', userId: actor.id, data: { id } });
  }

  /**
   * *Tout effacer*: the entries read, deleted, then queued for the index, which drops the vectors
   * of items it no longer finds. One event, not one per entry: the clients empty their list.
   */
  async function clear(actor: AuthUser) {
    const ids = (await JournalEntryModel.find({ userId: actor.id }, { _id: 1 }).lean()).map((row) => row._id);
    const { deletedCount } = await JournalEntryModel.deleteMany({ userId: actor.id, _id: { $in: ids } });
    await enqueue(ids.map((id) => ({ kind: 'journal', id: String(id) })));
    await deps.events.emit({ type: 'journal.cleared', userId: actor.id, data: { deleted: deletedCount } });
    return { deleted: deletedCount };
  }

  /** The caller's entries written since `since`, oldest first (at most `limit`), for the summary. */
  const since = (actor: AuthUser, from: Date, limit: number) =>
    JournalEntryModel.find({ userId: actor.id, createdAt: { $gte: from } })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .lean<JournalEntryDoc[]>();

  /** Which of these ids are entries of the caller's. */
  const existing = async (actor: AuthUser, ids: string[]) =>
    new Set(
      (await JournalEntryModel.find({ userId: actor.id, _id: { $in: ids } }, { _id: 1 }).lean()).map((row) => String(row._id)),
    );

  return { list, create, update, remove, clear, since, existing };
}

export type JournalService = ReturnType<typeof createJournalService>;
