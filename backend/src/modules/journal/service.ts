import type { JournalEntry } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { notFound } from '../../http/problem.ts';
import { ownedBase } from '../../lib/dto.ts';
import { positionAfter, toPage } from '../../lib/pagination.ts';
import type { SortKey } from '../../lib/pagination.ts';
import { enqueue } from '../../ml/index/queue.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { changeDays, clearDays, readDays } from './days.ts';
import type { ListedLine } from './days.ts';
import { JournalEntryModel } from './model.ts';
import type { JournalEntryDoc } from './model.ts';

/** Newest first by when the line was written: an undone delete comes back at its own place. */
const byWritten = { field: 'createdAt', direction: 'desc' } satisfies SortKey;

export const toJournalEntryDto = (doc: ListedLine): JournalEntry => ({ ...ownedBase(doc), content: doc.content });

/**
 * The journal is private: every read and write is its owner's, another user's entry answers 404.
 * Lists read the day documents (days.ts), which every write keeps in step.
 */
export function createJournalService(deps: { events: EventBus }) {
  /** The entry by `_id` alone, the one lookup FerretDB pushes down (`{ _id, userId }` reads the whole collection), then its owner checked here. */
  async function read(actor: AuthUser, id: string) {
    const doc = await JournalEntryModel.findOne({ _id: id }).setOptions({ tenancy: 'system' }).lean<JournalEntryDoc>();
    if (!doc || String(doc.userId) !== actor.id) throw notFound('Journal entry');
    return doc;
  }

  async function announce(type: 'journalEntry.created' | 'journalEntry.updated', doc: JournalEntryDoc) {
    const entry = toJournalEntryDto(doc);
    await deps.events.emit({ type, userId: entry.userId, data: entry });
    return entry;
  }

  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined }) {
    const { at, isAfter } = positionAfter(byWritten, query.cursor);
    const rows: ListedLine[] = [];
    await readDays(actor.id, { ...(at ? { to: at } : {}) }, (lines) => {
      rows.push(...lines.filter(isAfter));
      return rows.length > query.limit;
    });
    return toPage(rows, query.limit, byWritten, toJournalEntryDto);
  }

  async function create(actor: AuthUser, input: { content: string; createdAt?: string | undefined }) {
    const doc = new JournalEntryModel({ userId: actor.id, content: input.content });
    if (input.createdAt) doc.createdAt = new Date(input.createdAt);
    await doc.save();
    const saved = doc.toObject() as JournalEntryDoc;
    await changeDays(actor.id, [], [saved]);
    return announce('journalEntry.created', saved);
  }

  async function update(actor: AuthUser, id: string, input: { content: string }) {
    const before = await read(actor, id);
    const doc = await JournalEntryModel.findOneAndUpdate(
      { _id: id },
      { $set: { content: input.content } },
      { returnDocument: 'after' },
    )
      .setOptions({ tenancy: 'system' }) // its owner checked above
      .lean<JournalEntryDoc>();
    if (!doc) throw notFound('Journal entry');
    await changeDays(actor.id, [before], [doc]);
    return announce('journalEntry.updated', doc);
  }

  async function remove(actor: AuthUser, id: string) {
    const doc = await read(actor, id);
    const { deletedCount } = await JournalEntryModel.deleteOne({ _id: id }).setOptions({ tenancy: 'system' });
    if (deletedCount === 0) throw notFound('Journal entry');
    await changeDays(actor.id, [doc], []);
    await deps.events.emit({ type: 'journalEntry.deleted', userId: actor.id, data: { id } });
  }

  /**
   * *Tout effacer*: the entries read, deleted, then queued for the index, which drops the vectors
   * of items it no longer finds. One event, not one per entry: the clients empty their list.
   */
  async function clear(actor: AuthUser) {
    const ids = (await JournalEntryModel.find({ userId: actor.id }, { _id: 1 }).lean()).map((row) => row._id);
    const { deletedCount } = await JournalEntryModel.deleteMany({ userId: actor.id, _id: { $in: ids } });
    await clearDays(actor.id);
    await enqueue(ids.map((id) => ({ kind: 'journal', id: String(id) })));
    await deps.events.emit({ type: 'journal.cleared', userId: actor.id, data: { deleted: deletedCount } });
    return { deleted: deletedCount };
  }

  /** The caller's entries written since `since`, oldest first (at most `limit`), for the summary. */
  async function since(actor: AuthUser, from: Date, limit: number) {
    const rows: ListedLine[] = [];
    await readDays(actor.id, { from }, (lines) => {
      rows.push(...lines.filter((line) => line.createdAt >= from));
      return false;
    });
    return rows.reverse().slice(0, limit);
  }

  /** Which of these ids are entries of the caller's. */
  const existing = async (actor: AuthUser, ids: string[]) =>
    new Set(
      (await JournalEntryModel.find({ userId: actor.id, _id: { $in: ids } }, { _id: 1 }).lean()).map((row) => String(row._id)),
    );

  return { list, create, update, remove, clear, since, existing };
}

export type JournalService = ReturnType<typeof createJournalService>;
