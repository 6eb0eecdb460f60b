import type { RouteBody, routes } from '@panoramix/contracts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { book } from './books/books.ts';
import { BudgetLineModel } from './lines/model.ts';
import type { BudgetLineDoc } from './lines/model.ts';
import type { BudgetLineService } from './lines/service.ts';
import { BudgetKeptPairModel, BudgetMergeModel } from './review.model.ts';
import type { BudgetMergeDoc } from './review.model.ts';

type KeepBody = RouteBody<typeof routes.budgetLines.keepPair>;
type MergeBody = RouteBody<typeof routes.budgetLines.merge>;

const pairKey = (a: string, b: string) => [a, b].sort().join('|');

/** What a merge may fill in: the fields a line can lack (its date, vendor and amount are the pair's, alike). */
const FILLABLE = [
  'label',
  'vatCents',
  'category',
  'analyticsCategory',
  'analyticsWeight',
  'department',
  'team',
  'projectId',
  'invoiceId',
  'invoiceNumber',
  'publicFileUrl',
  'sourceRef',
  'notes',
] as const;
type Fillable = (typeof FILLABLE)[number];
const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** The fields `keep` lacks and `other` has, with their values on each side. */
function fieldsToFill(keep: BudgetLineDoc, other: BudgetLineDoc) {
  const before: Partial<Record<Fillable, unknown>> = {};
  const after: Partial<Record<Fillable, unknown>> = {};
  for (const field of FILLABLE) {
    if (isEmpty(keep[field]) && !isEmpty(other[field])) {
      before[field] = keep[field] ?? null;
      after[field] = other[field];
    }
  }
  return { before, after };
}

const sameValue = (a: unknown, b: unknown) => String(a ?? '') === String(b ?? '');

/**
 * The *Vérifier* actions over `lines.review`'s pairs. Every action names lines of the caller's
 * only; anyone else's answer 404, as if they did not exist, and emit nothing.
 */
/** A pair is two lines: the same one twice is refused (a schema cannot say it, so the service does). */
function twoLines(field: 'otherId' | 'removeId', first: string, a: string, b: string) {
  const message = `must differ from ${first}`;
  if (a === b) throw badRequest(`body.${field}: ${message}`, [{ path: `body.${field}`, message }]);
}

export function createBudgetReviewService(deps: { events: EventBus; lines: BudgetLineService }) {
  async function readBoth(actor: AuthUser, a: string, b: string) {
    const docs = await BudgetLineModel.find({ userId: actor.id, _id: { $in: [a, b] } }).lean<BudgetLineDoc[]>();
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    const [first, second] = [byId.get(a), byId.get(b)];
    if (!first || !second) throw notFound('Budget line');
    return [first, second] as const;
  }

  /** The review list without the pairs the user kept apart; a line left with no candidate drops out. */
  async function list(actor: AuthUser) {
    const [review, kept] = await Promise.all([
      deps.lines.review(actor),
      BudgetKeptPairModel.find({ userId: actor.id }, { pairKey: 1 }).lean<{ pairKey: string }[]>(),
    ]);
    const apart = new Set(kept.map((k) => k.pairKey));
    const items = review.items
      .map((item) => ({
        ...item,
        duplicates: {
          ...item.duplicates,
          candidates: item.duplicates.candidates.filter((c) => !apart.has(pairKey(item.line.id, c.id))),
        },
      }))
      .filter((item) => item.duplicates.candidates.length > 0);
    return { items };
  }

  async function keepPair(actor: AuthUser, body: KeepBody) {
    twoLines('otherId', 'lineId', body.lineId, body.otherId);
    await readBoth(actor, body.lineId, body.otherId);
    try {
      await BudgetKeptPairModel.create({ userId: actor.id, pairKey: pairKey(body.lineId, body.otherId) });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // kept already: a retry, or the pair seen twice
    }
    await deps.events.emit({ type: 'budgetPair.kept', userId: actor.id, data: body });
  }

  /**
   * The merge is written down first, then the kept line takes the fields, then the other goes to
   * the trash: a crash in between leaves both lines, or a merge the user can still undo.
   */
  async function merge(actor: AuthUser, body: MergeBody) {
    twoLines('removeId', 'keepId', body.keepId, body.removeId);
    const [keep, other] = await readBoth(actor, body.keepId, body.removeId);
    const { before, after } = fieldsToFill(keep, other);
    const record = await BudgetMergeModel.create({
      userId: actor.id,
      keptId: keep._id,
      removedId: other._id,
      before,
      after,
    });
    const filled = Object.keys(after);
    if (filled.length > 0) {
      await BudgetLineModel.updateOne({ _id: keep._id, userId: actor.id }, { $set: after });
      await book(actor.id, [keep], [{ ...keep, ...after } as BudgetLineDoc]); // a category or team it took counts in the totals
    }
    await deps.lines.remove(actor, body.removeId, {});
    const line = await deps.lines.get(actor, body.keepId);
    if (filled.length > 0) await deps.events.emit({ type: 'budgetLine.updated', userId: actor.id, data: line });
    return { id: String(record._id), line, removedId: body.removeId, filled };
  }

  /** The removed line comes back; the kept one gives back each field it took that nobody changed since. */
  async function undoMerge(actor: AuthUser, id: string) {
    const record = await BudgetMergeModel.findOne({ _id: id, userId: actor.id }).lean<BudgetMergeDoc>();
    if (!record) throw notFound('Budget merge');
    await deps.lines.restore(actor, String(record.removedId));
    const kept = await BudgetLineModel.findOne({ _id: record.keptId, userId: actor.id }).lean<BudgetLineDoc>();
    const after = record.after as Partial<Record<Fillable, unknown>>;
    const before = record.before as Partial<Record<Fillable, unknown>>;
    const untouched = kept ? (Object.keys(after) as Fillable[]).filter((f) => sameValue(kept[f], after[f])) : [];
    if (kept && untouched.length > 0) {
      const given = Object.fromEntries(untouched.map((f) => [f, before[f] ?? null]));
      await BudgetLineModel.updateOne({ _id: kept._id, userId: actor.id }, { $set: given });
      await book(actor.id, [kept], [{ ...kept, ...given } as BudgetLineDoc]);
    }
    await BudgetMergeModel.deleteOne({ _id: record._id, userId: actor.id });
    if (!kept) throw notFound('Budget line'); // deleted since: the other line is back, nothing to give back
    const line = await deps.lines.get(actor, String(kept._id));
    if (untouched.length > 0) await deps.events.emit({ type: 'budgetLine.updated', userId: actor.id, data: line });
    return line;
  }

  return { list, keepPair, merge, undoMerge };
}

export type BudgetReviewService = ReturnType<typeof createBudgetReviewService>;
