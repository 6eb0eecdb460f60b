import type { BudgetDepartment } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { isDuplicateKey } from '../../../db/duplicate-key.ts';
import { BudgetVendorRuleModel, bookId } from './model.ts';

export interface VendorRule {
  department: BudgetDepartment | null;
  team: string | null;
}

export interface RuledLine {
  vendorKey: string;
  department?: string | null;
  team?: string | null;
  updatedAt: Date;
}

const rules = () => BudgetVendorRuleModel.collection;

/** The department and team each vendor's new lines inherit: those of its latest line that has one. */
export function rulesOf(lines: readonly RuledLine[]): Map<string, VendorRule & { at: Date }> {
  const found = new Map<string, VendorRule & { at: Date }>();
  for (const line of lines) {
    const [department, team] = [(line.department ?? null) as BudgetDepartment | null, line.team ?? null];
    if (department === null && team === null) continue;
    const known = found.get(line.vendorKey);
    if (!known || known.at.getTime() < line.updatedAt.getTime())
      found.set(line.vendorKey, { department, team, at: line.updatedAt });
  }
  return found;
}

/** The rules of these vendors, each read by its `_id`. */
export async function readRules(userId: string, vendorKeys: Iterable<string>): Promise<Map<string, VendorRule>> {
  const keys = [...new Set(vendorKeys)];
  const docs = await Promise.all(keys.map((key) => rules().findOne({ _id: bookId(userId, key) } as never)));
  return new Map(
    keys.flatMap((key, i) => {
      const doc = docs[i] as unknown as VendorRule | null;
      return doc ? [[key, { department: doc.department ?? null, team: doc.team ?? null }] as const] : [];
    }),
  );
}

/**
 * Records the rules these lines carry, each unless a later one is there: the write is conditional
 * on an older `at`, and when the rule exists with a newer one the upsert fails on its `_id`.
 */
export async function recordRules(userId: string, lines: readonly RuledLine[]) {
  const owner = new Types.ObjectId(userId);
  await Promise.all(
    [...rulesOf(lines)].map(async ([vendorKey, rule]) => {
      try {
        await rules().updateOne(
          { _id: bookId(userId, vendorKey), at: { $lte: rule.at } } as never,
          { $set: { department: rule.department, team: rule.team, at: rule.at }, $setOnInsert: { userId: owner } },
          { upsert: true },
        );
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }),
  );
}

/** Replaces the user's rules with these (the rebuild). */
export async function replaceRules(userId: string, lines: readonly RuledLine[]) {
  await rules().deleteMany({ userId: new Types.ObjectId(userId) });
  await recordRules(userId, lines);
}
