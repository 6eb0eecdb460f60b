import type { RouteQuery, RouteResponse, routes } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { decodeField, readSums } from './books/sums.ts';
import type { MonthSums, SumDimension, Tally } from './books/sums.ts';
import { normalizeVendor } from './dedup.ts';
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

const dimensionOf: Record<SummaryQuery['by'], SumDimension | null> = {
  'month-vendor': 'vendor',
  month: null,
  vendor: 'vendor',
  team: 'team',
  category: 'category',
  project: 'project',
};

const lastDay = (month: string) => {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year!, m!, 0)).toISOString().slice(0, 10);
};

/**
 * The summary. Over whole months (no range, or one from a 1st to a last day), from the monthly
 * totals the writes keep (books/sums.ts): a few small documents, where the aggregation reads every
 * line (69 s over 58,000 lines on FerretDB). A range cutting a month is summed over the lines.
 */
export async function summarize(actor: AuthUser, query: SummaryQuery): Promise<Summary> {
  const from = query.from?.endsWith('-01') ? query.from.slice(0, 7) : query.from ? null : '';
  const to = query.to && lastDay(query.to.slice(0, 7)) === query.to ? query.to.slice(0, 7) : query.to ? null : '';
  if (from === null || to === null) return summarizeLines(actor, query);
  const ranged = Boolean(query.from || query.to);
  const months = [...(await readSums(actor.id))].filter(
    ([month]) => !ranged || (month !== '' && (!from || month >= from) && (!to || month <= to)),
  );
  return summaryOf(query.by, monthlyGroups(months, query.by));
}

/** The month documents as the aggregation's groups would come. */
function monthlyGroups(months: [string, MonthSums][], by: SummaryQuery['by']): Group[] {
  const dimension = dimensionOf[by];
  const withMonth = groupFields[by].month;
  const groups = new Map<string, Group>();
  for (const [month, sums] of months) {
    const tallies = dimension ? Object.entries(sums[dimension] ?? {}) : [['', sums.total] as const];
    for (const [field, tally] of tallies) {
      // A field whose every increment was 0 was never written (sums.ts drops them).
      const { c = 0, v = 0, n = 0 } = tally as Partial<Tally>;
      if (n === 0) continue;
      const name = dimension ? decodeField(field) : '';
      const id: Group['_id'] = {
        ...(withMonth ? { month } : {}),
        ...(dimension ? { key: dimension === 'vendor' ? normalizeVendor(name) : name } : {}),
        ...(dimension === 'vendor' ? { vendor: name } : {}),
      };
      const key = JSON.stringify(id);
      const group = groups.get(key) ?? { _id: id, totalCents: 0, vatCents: 0, count: 0 };
      group.totalCents += c;
      group.vatCents += v;
      group.count += n;
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/**
 * Totals over a range by $match and $group with one $sum (see group-sums.ts): the aggregation
 * shape that standalone MongoDB and FerretDB v1 both answer alike (no $dateToString, no $last,
 * no $sort after $group). Rows are ordered here. Vendors group on their normalised key and show
 * the spelling most of their lines use.
 */
export async function summarizeLines(actor: AuthUser, query: SummaryQuery): Promise<Summary> {
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
  return summaryOf(query.by, groups);
}

/** Rows from groups, whichever way they were summed. */
function summaryOf(by: SummaryQuery['by'], groups: Group[]): Summary {
  const fields = groupFields[by];
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
    by,
    rows: ordered,
    totalCents: ordered.reduce((sum, row) => sum + row.totalCents, 0),
    count: ordered.reduce((sum, row) => sum + row.count, 0),
  };
}

/** The spelling most lines use; a tie goes to the first in code-unit order (capitals first: `OVH` before `ovh`). */
export const mostUsed = (counts: Map<string, number>) =>
  [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
