import { describe, expect, it } from 'vitest';
import { filterOfSearch, isFiltered, searchOfFilter } from './lines-filter.ts';

describe('budget lines filter in the address', () => {
  it('round-trips every filter through the address', () => {
    const filter = {
      from: '2026-01-01',
      to: '2026-01-31',
      vendor: 'Free Mobile',
      category: 'Télécom',
      team: 'sre',
      projectId: '65a000000000000000000001',
      minCents: -500,
      maxCents: 10000,
      q: 'forfait & co',
      sort: 'amount-asc' as const,
    };
    expect(filterOfSearch(searchOfFilter(filter))).toEqual(filter);
  });

  it('leaves out what is malformed and keeps the default sort out of the address', () => {
    expect(filterOfSearch('?from=janvier&minCents=12,5&sort=random&vendor=%20')).toEqual({ sort: 'date-desc' });
    expect(searchOfFilter({ sort: 'date-desc' })).toBe('');
    expect(isFiltered({ sort: 'amount-desc' })).toBe(false);
    expect(isFiltered({ sort: 'date-desc', q: 'x' })).toBe(true);
  });
});
