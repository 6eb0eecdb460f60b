import type { BudgetDepartment, BudgetIgnore, RouteBody, routes } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { notFound } from '../../http/problem.ts';
import { ownedBase } from '../../lib/dto.ts';
import { ONE_BATCH } from '../../lib/filters.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { dedupeKey, normalizeVendor } from './dedup.ts';
import type { IgnoreRules } from './dedup.ts';
import { BudgetIgnoreModel } from './ignores.model.ts';
import type { BudgetIgnoreDoc } from './ignores.model.ts';
import { book, bookedFields } from './books/books.ts';
import type { BookedLine } from './books/books.ts';
import { readRules } from './books/rules.ts';
import type { VendorRule } from './books/rules.ts';
import { groupSums } from './group-sums.ts';
import { BudgetLineModel } from './lines/model.ts';
import { mostUsed } from './summary.ts';

/**
 * What a vendor's lines share (Panorama's setDepartment / setTeam): the rule applies to its
 * lines that are not parked; parking removes the team; a team means the tech department.
 */
export function ruleUpdate(rule: { department?: BudgetDepartment | null | undefined; team?: string | null | undefined }) {
  if (rule.team) return { team: rule.team, department: 'tech' as const };
  if (rule.department === 'parked') return { department: 'parked' as const, team: null };
  return {
    ...(rule.department !== undefined ? { department: rule.department } : {}),
    ...(rule.team === null ? { team: null } : {}),
  };
}

/** The department and team a new line of this vendor inherits, read by `_id` (books/rules.ts). */
export async function vendorRule(userId: string, vendorKey: string): Promise<VendorRule | undefined> {
  return (await readRules(userId, [vendorKey])).get(vendorKey);
}

export const toIgnoreDto = (doc: BudgetIgnoreDoc): BudgetIgnore => ({
  ...ownedBase(doc),
  type: doc.type as BudgetIgnore['type'],
  vendorName: doc.vendorName,
  dedupeKey: doc.dedupeKey,
  sourceRef: doc.sourceRef,
});

/** The ignore list as dedup reads it. */
export async function ignoreRules(userId: string): Promise<IgnoreRules> {
  const docs = await BudgetIgnoreModel.find({ userId }).batchSize(ONE_BATCH).lean<BudgetIgnoreDoc[]>();
  const of = (type: string, pick: (d: BudgetIgnoreDoc) => string) =>
    new Set(
      docs
        .filter((d) => d.type === type)
        .map(pick)
        .filter(Boolean),
    );
  return {
    vendors: of('vendor', (d) => d.vendorKey),
    keys: of('line', (d) => d.dedupeKey),
    refs: of('line', (d) => d.sourceRef),
  };
}

interface VendorGroup {
  _id: { key: string; vendor: string; department: BudgetDepartment | null; team: string | null };
  totalCents: number;
  count: number;
}

export function createVendorService(deps: { events: EventBus }) {
  const changed = (actor: AuthUser, count: number) =>
    count > 0
      ? deps.events.emit({ type: 'budgetLines.changed', userId: actor.id, data: { reason: 'vendor', count } })
      : undefined;

  async function list(actor: AuthUser) {
    // One $sum per $group, as summaries (see group-sums.ts); spellings and rules are merged here.
    const groups = await groupSums<VendorGroup['_id'], 'totalCents' | 'count'>(
      BudgetLineModel,
      { userId: new Types.ObjectId(actor.id) },
      { key: '$vendorKey', vendor: '$vendor', department: '$department', team: '$team' },
      { totalCents: '$amountCents', count: 1 },
    );
    const vendors = new Map<
      string,
      { spellings: Map<string, number>; rules: Map<string, number>; total: number; count: number }
    >();
    for (const group of groups) {
      const entry = vendors.get(group._id.key) ?? { spellings: new Map(), rules: new Map(), total: 0, count: 0 };
      entry.spellings.set(group._id.vendor, (entry.spellings.get(group._id.vendor) ?? 0) + group.count);
      const rule = JSON.stringify([group._id.department ?? null, group._id.team ?? null]);
      entry.rules.set(rule, (entry.rules.get(rule) ?? 0) + group.count);
      entry.total += group.totalCents;
      entry.count += group.count;
      vendors.set(group._id.key, entry);
    }
    const items = [...vendors.values()].map((v) => {
      const [department, team] = JSON.parse(mostUsed(v.rules)) as [BudgetDepartment | null, string | null];
      return { vendor: mostUsed(v.spellings), lineCount: v.count, totalCents: v.total, department, team };
    });
    return { items: items.sort((a, b) => b.totalCents - a.totalCents || a.vendor.localeCompare(b.vendor)) };
  }

  /** The vendor's lines as the books read them: a rule or a rename changes them all. */
  const linesOf = (actor: AuthUser, filter: Record<string, unknown>) =>
    BudgetLineModel.find({ userId: actor.id, ...filter }, bookedFields)
      .batchSize(ONE_BATCH)
      .lean<(BookedLine & { _id: Types.ObjectId })[]>();

  async function setRule(actor: AuthUser, body: RouteBody<typeof routes.budgetVendors.setRule>) {
    const filter = { vendorKey: normalizeVendor(body.vendor), department: { $ne: 'parked' } };
    const before = await linesOf(actor, filter);
    const set = { ...ruleUpdate(body), updatedAt: new Date() };
    const { modifiedCount } = await BudgetLineModel.updateMany({ userId: actor.id, ...filter }, { $set: set });
    await book(
      actor.id,
      before,
      before.map((line) => ({ ...line, ...set })),
    );
    await changed(actor, modifiedCount);
    return { count: modifiedCount };
  }

  /** Renames a vendor on every line, which merges it into another spelling already there; keys follow the name. */
  async function rename(actor: AuthUser, body: RouteBody<typeof routes.budgetVendors.rename>) {
    const lines = await linesOf(actor, { vendorKey: normalizeVendor(body.from) });
    if (lines.length === 0) return { count: 0 };
    const vendorKey = normalizeVendor(body.to);
    const now = new Date();
    await BudgetLineModel.bulkWrite(
      lines.map((line) => ({
        updateOne: {
          filter: { _id: line._id, userId: new Types.ObjectId(actor.id) },
          update: {
            $set: { vendor: body.to, vendorKey, dedupeKey: dedupeKey({ ...line, vendor: body.to }), updatedAt: now },
          },
        },
      })),
      { ordered: false },
    );
    await book(
      actor.id,
      lines,
      lines.map((line) => ({ ...line, vendor: body.to, vendorKey, updatedAt: now })),
    );
    await changed(actor, lines.length);
    return { count: lines.length };
  }

  async function ignores(actor: AuthUser) {
    const docs = await BudgetIgnoreModel.find({ userId: actor.id }).sort({ _id: -1 }).lean<BudgetIgnoreDoc[]>();
    return { items: docs.map(toIgnoreDto) };
  }

  async function ignore(actor: AuthUser, vendorName: string) {
    const created = await BudgetIgnoreModel.create({
      userId: actor.id,
      type: 'vendor',
      vendorName,
      vendorKey: normalizeVendor(vendorName),
    });
    return toIgnoreDto(created.toObject() as BudgetIgnoreDoc);
  }

  async function unignore(actor: AuthUser, id: string) {
    const { deletedCount } = await BudgetIgnoreModel.deleteOne({ _id: id, userId: actor.id });
    if (deletedCount === 0) throw notFound('Ignore entry');
  }

  return { list, setRule, rename, ignores, ignore, unignore };
}

export type VendorService = ReturnType<typeof createVendorService>;
