import type { BudgetLine, RouteBody, routes } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { isDuplicateKey } from '../../../db/duplicate-key.ts';
import type { AuthUser } from '../../../http/auth-guard.ts';
import { notFound } from '../../../http/problem.ts';
import type { JobDefinition } from '../../../jobs/runner.ts';
import { ONE_BATCH } from '../../../lib/filters.ts';
import type { EventBus } from '../../../realtime/event-bus.ts';
import { findMemberProject } from '../../../sharing/access.ts';
import { checkDuplicate, normalizeVendor } from '../dedup.ts';
import type { ExistingLine } from '../dedup.ts';
import { book } from '../books/books.ts';
import { BudgetIgnoreModel } from '../ignores.model.ts';
import { vendorRule } from '../vendors.ts';
import { dedupFields, derivedFields, toBudgetLineDto, toExistingLine } from './dto.ts';
import { BudgetLineModel, BudgetTrashModel } from './model.ts';
import type { BudgetLineDoc } from './model.ts';
import { cursorOf, listFilter, sortOfList } from './query.ts';
import type { ListQuery } from './query.ts';

type CreateBody = RouteBody<typeof routes.budgetLines.create>;
type UpdateBody = RouteBody<typeof routes.budgetLines.update>;
type BulkBody = RouteBody<typeof routes.budgetLines.bulkEdit>;

/** Deleted lines can be restored this long; then the hourly purge drops them. */
export const TRASH_DAYS = 30;
const REVIEW_LIMIT = 200;

// Map.groupBy is Node 21+; the project supports Node 20.
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K) {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/** Budget lines are private to their owner: another user's line answers 404 as if it did not exist. */
export function createBudgetLineService(deps: { events: EventBus }) {
  const mine = (actor: AuthUser, id: string) => ({ _id: id, userId: actor.id });
  const announce = (type: 'budgetLine.created' | 'budgetLine.updated', line: BudgetLine) =>
    deps.events.emit({ type, userId: line.userId, data: line });

  async function checkProject(actor: AuthUser, projectId: string | null | undefined) {
    if (projectId) await findMemberProject(actor, projectId);
  }

  async function list(actor: AuthUser, query: ListQuery) {
    const rows = await BudgetLineModel.find(listFilter(actor.id, query))
      .sort(sortOfList(query.sort))
      .limit(query.limit + 1)
      .batchSize(query.limit + 1)
      .lean<BudgetLineDoc[]>();
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toBudgetLineDto),
      nextCursor: rows.length > query.limit && last ? cursorOf(query.sort, last) : null,
    };
  }

  async function read(actor: AuthUser, id: string) {
    const line = await BudgetLineModel.findOne(mine(actor, id)).lean<BudgetLineDoc>();
    if (!line) throw notFound('Budget line');
    return line;
  }

  const get = async (actor: AuthUser, id: string) => toBudgetLineDto(await read(actor, id));

  async function create(actor: AuthUser, body: CreateBody) {
    await checkProject(actor, body.projectId);
    const inherited =
      body.department === undefined && body.team === undefined
        ? await vendorRule(actor.id, normalizeVendor(body.vendor))
        : undefined;
    const created = await BudgetLineModel.create({
      ...body,
      department: body.department ?? inherited?.department ?? null,
      team: body.team ?? inherited?.team ?? null,
      ...derivedFields(body),
      userId: actor.id,
      source: 'manual',
    });
    const doc = created.toObject() as BudgetLineDoc;
    await book(actor.id, [], [doc]);
    const line = toBudgetLineDto(doc);
    await announce('budgetLine.created', line);
    return line;
  }

  async function update(actor: AuthUser, id: string, patch: UpdateBody) {
    await checkProject(actor, patch.projectId);
    const before = await read(actor, id);
    const next = {
      date: patch.date ?? before.date,
      vendor: patch.vendor ?? before.vendor,
      amountCents: patch.amountCents ?? before.amountCents,
    };
    const updated = await BudgetLineModel.findOneAndUpdate(
      mine(actor, id),
      { $set: { ...patch, ...derivedFields(next) } },
      { returnDocument: 'after' },
    ).lean<BudgetLineDoc>();
    if (!updated) throw notFound('Budget line');
    await book(actor.id, [before], [updated]);
    const line = toBudgetLineDto(updated);
    await announce('budgetLine.updated', line);
    return line;
  }

  async function bulkEdit(actor: AuthUser, body: BulkBody) {
    const set = body.set.team ? { ...body.set, department: 'tech' } : body.set;
    // Each by its `_id` (FerretDB scans for an `$in`): the books need them as they were.
    const before = (
      await Promise.all(body.ids.map((id) => BudgetLineModel.findOne(mine(actor, id)).lean<BudgetLineDoc>()))
    ).filter((line) => line !== null);
    const { modifiedCount } = await BudgetLineModel.updateMany(
      { userId: actor.id, _id: { $in: before.map((line) => line._id) } },
      { $set: { ...set, updatedAt: new Date() } },
    );
    const now = new Date();
    await book(
      actor.id,
      before,
      before.map((line) => ({ ...line, ...set, updatedAt: now })),
    );
    if (modifiedCount > 0) {
      await deps.events.emit({ type: 'budgetLines.changed', userId: actor.id, data: { reason: 'bulk', count: modifiedCount } });
    }
    return { count: modifiedCount };
  }

  /**
   * Moves the line to the trash (copy first, then delete: a crash between leaves a restorable
   * copy, never a lost line); `ignore` also lists it so later imports skip it.
   */
  async function remove(actor: AuthUser, id: string, options: { ignore?: boolean | undefined }) {
    const line = await read(actor, id);
    await BudgetTrashModel.replaceOne(
      { _id: line._id, userId: actor.id },
      { userId: line.userId, line, deletedAt: new Date() },
      { upsert: true },
    );
    if (options.ignore) {
      await BudgetIgnoreModel.create({
        userId: actor.id,
        type: 'line',
        vendorName: line.vendor,
        dedupeKey: line.dedupeKey,
        sourceRef: line.sourceRef,
        lineId: line._id,
      });
    }
    await book(actor.id, [line], []);
    await BudgetLineModel.deleteOne(mine(actor, id));
    await deps.events.emit({ type: 'budgetLine.deleted', userId: actor.id, data: { id } });
  }

  async function restore(actor: AuthUser, id: string) {
    const trashed = await BudgetTrashModel.findOne(mine(actor, id)).lean<{ line: BudgetLineDoc }>();
    if (!trashed) throw notFound('Deleted budget line');
    const restored = { ...trashed.line, _id: new Types.ObjectId(id), updatedAt: new Date() };
    try {
      await BudgetLineModel.collection.insertOne(restored);
      await book(actor.id, [], [restored]);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // restored already, by a retry of this request
    }
    await BudgetIgnoreModel.deleteMany({ userId: actor.id, lineId: id });
    await BudgetTrashModel.deleteOne(mine(actor, id));
    const line = await get(actor, id);
    await announce('budgetLine.created', line);
    return line;
  }

  const loadForDedup = (actor: AuthUser) =>
    BudgetLineModel.find({ userId: actor.id }, dedupFields)
      .batchSize(ONE_BATCH)
      .lean<(Pick<BudgetLineDoc, keyof typeof dedupFields> & { _id: Types.ObjectId })[]>();

  /** Candidates that share something with the line: its key's vendor or amount, or its invoice number. */
  function neighbours(all: ExistingLine[]) {
    const byVendor = groupBy(all, (l) => normalizeVendor(l.vendor));
    const byAmount = groupBy(all, (l) => l.amountCents);
    const byInvoice = groupBy(
      all.filter((l) => l.invoiceNumber.trim()),
      (l) => l.invoiceNumber.trim().toLowerCase(),
    );
    return (line: ExistingLine) => [
      ...new Set([
        ...(byVendor.get(normalizeVendor(line.vendor)) ?? []),
        ...(byAmount.get(line.amountCents) ?? []),
        ...(byInvoice.get(line.invoiceNumber.trim().toLowerCase()) ?? []),
      ]),
    ];
  }

  async function duplicates(actor: AuthUser, id: string) {
    const line = toExistingLine(await read(actor, id));
    const all = (await loadForDedup(actor)).map(toExistingLine);
    const { matchKind, ids } = checkDuplicate(line, neighbours(all)(line));
    const candidates =
      ids.length > 0
        ? await BudgetLineModel.find({ userId: actor.id, _id: { $in: ids } })
            .batchSize(ONE_BATCH)
            .lean<BudgetLineDoc[]>()
        : [];
    return { matchKind, candidates: candidates.map(toBudgetLineDto) };
  }

  /** The *Vérifier* list: each line with a likely duplicate, once per pair, newest first. */
  async function review(actor: AuthUser) {
    const all = (await loadForDedup(actor)).map(toExistingLine);
    const near = neighbours(all);
    const seen = new Set<string>();
    const found: { id: string; matchKind: ReturnType<typeof checkDuplicate>['matchKind']; ids: string[] }[] = [];
    for (const line of all.sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))) {
      if (seen.has(line.id)) continue;
      const match = checkDuplicate(line, near(line));
      if (match.matchKind === 'none' || match.matchKind === 'fuzzyVendorAmount') continue;
      for (const other of match.ids) seen.add(other);
      found.push({ id: line.id, ...match });
      if (found.length === REVIEW_LIMIT) break;
    }
    const wanted = [...new Set(found.flatMap((f) => [f.id, ...f.ids]))];
    const docs = new Map(
      (
        await BudgetLineModel.find({ userId: actor.id, _id: { $in: wanted } })
          .batchSize(ONE_BATCH)
          .lean<BudgetLineDoc[]>()
      ).map((d) => [String(d._id), toBudgetLineDto(d)]),
    );
    return {
      items: found.map((f) => ({
        line: docs.get(f.id)!,
        duplicates: { matchKind: f.matchKind, candidates: f.ids.map((id) => docs.get(id)!).filter(Boolean) },
      })),
    };
  }

  const jobs: JobDefinition[] = [
    {
      name: 'budget.purge-trash',
      every: '1 hour',
      skipImmediate: true,
      run: async () => {
        const before = new Date(Date.now() - TRASH_DAYS * 86_400_000);
        await BudgetTrashModel.deleteMany({ deletedAt: { $lt: before } }).setOptions({ tenancy: 'system' });
      },
    },
  ];

  /** A deleted project's lines stay (money was spent), charged to no project. */
  async function detachProject(projectId: string) {
    const charged = await BudgetLineModel.find({ projectId })
      .setOptions({ tenancy: 'system' })
      .batchSize(ONE_BATCH)
      .lean<BudgetLineDoc[]>();
    if (charged.length === 0) return;
    await BudgetLineModel.updateMany({ projectId }, { $set: { projectId: null } }).setOptions({ tenancy: 'system' });
    for (const [userId, lines] of groupBy(charged, (line) => String(line.userId))) {
      await book(
        userId,
        lines,
        lines.map((line) => ({ ...line, projectId: null })),
      );
    }
  }

  return { list, get, create, update, bulkEdit, remove, restore, duplicates, review, detachProject, jobs };
}

export type BudgetLineService = ReturnType<typeof createBudgetLineService>;
