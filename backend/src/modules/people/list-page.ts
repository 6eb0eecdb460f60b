import type { PeopleFilter } from '@panoramix/contracts';
import { normalizeQuery } from './derive.ts';
import type { LookupEntries, LookupEntry } from './lookup.ts';

type Row = [id: string, entry: LookupEntry];

/**
 * MongoDB's order of the list's sorts: strings by code unit, newest arrival first (ISO dates order
 * as text) with a missing one after every date.
 */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = ([aId, a]: Row, [bId, b]: Row) => byText(a[1], b[1]) || byText(aId, bId);
const byArrival = (x: Row, y: Row) => byText(y[1][2].arrivalDate ?? '', x[1][2].arrivalDate ?? '') || byName(x, y);

/**
 * A list's page, filtered and sorted as the query asks, from the user's lookup entries; one more
 * row than the page says whether there is more. Text matches inside one normalised line of
 * `searchText` (derive.ts).
 */
export function listPage(entries: LookupEntries, query: PeopleFilter) {
  const q = query.q ? normalizeQuery(query.q) : '';
  const team = query.teamId === 'none' ? null : query.teamId;
  const rows = Object.entries(entries).filter(
    ([, [text, , person]]) =>
      (!q || text.includes(q)) &&
      (team === undefined || person.teamId === team) &&
      (query.left === undefined || person.left === query.left) &&
      (query.contactOnly === undefined || person.contactOnly === query.contactOnly),
  );
  rows.sort(query.sort === 'arrival' ? byArrival : byName);
  const page = rows.slice(query.offset, query.offset + query.limit + 1);
  return { items: page.slice(0, query.limit).map(([, [, , person]]) => person), more: page.length > query.limit };
}
