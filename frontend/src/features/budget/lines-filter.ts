import type { RouteQueryInput, routes } from '@panoramix/contracts';
import { budgetLineSorts } from 'virtual:panoramix/contracts';

export type LinesQuery = NonNullable<RouteQueryInput<typeof routes.budgetLines.list>>;
export type LineSort = (typeof budgetLineSorts)[number];
/** The list's filter without paging: what the address keeps. */
export type LinesFilter = Omit<LinesQuery, 'limit' | 'cursor' | 'importId' | 'minCents' | 'maxCents'> & {
  sort: LineSort;
  minCents?: number;
  maxCents?: number;
};

const textKeys = ['from', 'to', 'vendor', 'category', 'team', 'projectId', 'q'] as const;
const centKeys = ['minCents', 'maxCents'] as const;
const day = /^\d{4}-\d{2}-\d{2}$/;

/** The filter an address asks for (`/budget?vendor=Free&minCents=1000`); what is malformed is left out. */
export function filterOfSearch(search: string): LinesFilter {
  const params = new URLSearchParams(search);
  const filter: LinesFilter = { sort: 'date-desc' };
  for (const key of textKeys) {
    const value = params.get(key)?.trim();
    if (!value || ((key === 'from' || key === 'to') && !day.test(value))) continue;
    filter[key] = value;
  }
  for (const key of centKeys) {
    const value = params.get(key);
    if (value && /^-?\d+$/.test(value)) filter[key] = Number(value);
  }
  const sort = params.get('sort');
  if (budgetLineSorts.includes(sort as LineSort)) filter.sort = sort as LineSort;
  return filter;
}

/** The address part of a filter, the default sort left out. */
export function searchOfFilter(filter: LinesFilter): string {
  const params = new URLSearchParams();
  for (const key of [...textKeys, ...centKeys]) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (filter.sort !== 'date-desc') params.set('sort', filter.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const isFiltered = (filter: LinesFilter) => searchOfFilter({ ...filter, sort: 'date-desc' }) !== '';
