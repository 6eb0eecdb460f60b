import type { RouteQuery, RouteResponse, routes } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { groupSums } from './group-sums.ts';
import { BudgetLineModel } from './lines/model.ts';

type SummaryQuery = RouteQuery<typeof routes.budgetSummary.summary>;
type Summary = RouteResponse<typeof routes.budgetSummary.summary>;

/** The stored fields each grouping sums by: `month` is kept on every line, so no date operator is needed. */
const groupFields: Record<SummaryQuery['by'], { month: boolean; key: string | null }> = {
  'month-vendor': { month: true, key: 'vendorKey' },
  month: { month: true, key: null },
  vendor: { month: false, key: 'vendorKey' },
  team: { month: false, key: 'team' },
  category: { month: false, key: 'category' },
  project: { month: false, key: 'projectId' },
};

interface Group {
  _id: { month?: string; key?: unknown; vendor?: string };
  totalCents: number;
  vatCents: number;
  count: number;
}

/**
 * Totals over a range by $match and $group with one $sum (see group-sums.ts): the aggregation
 * shape that standalone MongoDB and FerretDB v1 both answer alike (no $dateToString, no $last,
 * no $sort after $group). Rows are ordered here. Vendors group on their normalised key and show
 * the spelling most of their lines use.
 */
export async function summarize(actor: AuthUser, query: SummaryQuery): Promise<Summary> {
  const fields = groupFields[query.by];
  const match: Record<string, unknown> = { userId: new Types.ObjectId(actor.id) };
  if (query.from || query.to) {
    match.date = { $gt: '', ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) };
  }
  const id: Record<string, string> = {};
  if (fields.month) id.month = '$month';
  if (fields.key) id.key = `$${fields.key}`;
  if (fields.key === 'vendorKey') id.vendor = '$vendor';
  const groups = await groupSums<Group['_id'], 'totalCents' | 'vatCents' | 'count'>(BudgetLineModel, match, id, {
    totalCents: '$amountCents',
    vatCents: '$vatCents',
    count: 1,
  });
  const rows = new Map<string, Summary['rows'][number] & { spellings: Map<string, number> }>();
  for (const group of groups) {
    const month = fields.month ? (group._id.month ?? '') : null;
    const key = fields.key
      ? group._id.key === null || group._id.key === undefined || group._id.key === ''
        ? null
        : String(group._id.key)
      : null;
    const rowKey = `${month}|${key}`;
    const row = rows.get(rowKey) ?? { month, key, totalCents: 0, vatCents: 0, count: 0, spellings: new Map() };
    row.totalCents += group.totalCents;
    row.vatCents += group.vatCents ?? 0;
    row.count += group.count;
    if (group._id.vendor !== undefined)
      row.spellings.set(group._id.vendor, (row.spellings.get(group._id.vendor) ?? 0) + group.count);
    rows.set(rowKey, row);
  }
  const ordered = [...rows.values()]
    .map(({ spellings, ...row }) => ({ ...row, key: spellings.size > 0 ? mostUsed(spellings) : row.key }))
    .sort(
      (a, b) =>
        (a.month ?? '').localeCompare(b.month ?? '') || b.totalCents - a.totalCents || (a.key ?? '').localeCompare(b.key ?? ''),
    );
  return {
    by: query.by,
    rows: ordered,
    totalCents: ordered.reduce((sum, row) => sum + row.totalCents, 0),
    count: ordered.reduce((sum, row) => sum + row.count, 0),
  };
}

/** The spelling most lines use; a tie goes to the first in code-unit order (capitals first: `OVH` before `ovh`). */
export const mostUsed = (counts: Map<string, number>) =>
  [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
