import type { SearchKind } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { displayOrder, groupHits, kindIcon } from './group-hits.ts';
import { buildHit } from './search-builders.ts';

describe('groupHits', () => {
  it('groups by kind, the kind of the best hit first, keeping the API order inside a group', () => {
    const note1 = buildHit({ kind: 'note' });
    const task1 = buildHit({ kind: 'task' });
    const note2 = buildHit({ kind: 'note' });
    const link = buildHit({ kind: 'link' });
    const task2 = buildHit({ kind: 'task' });
    const groups = groupHits([note1, task1, note2, link, task2]);
    expect(groups.map((g) => g.kind)).toEqual(['note', 'task', 'link']);
    expect(groups[0]!.hits).toEqual([note1, note2]);
    expect(groups[1]!.hits).toEqual([task1, task2]);
    // ↑/↓ walk the groups as displayed, not the API's interleaved order.
    expect(displayOrder(groups)).toEqual([note1, note2, task1, task2, link]);
  });

  it('gives no group for no hit', () => {
    expect(groupHits([])).toEqual([]);
  });
});

describe('kindIcon', () => {
  it('gives each kind its icon, and a kind without one the search icon', () => {
    expect(kindIcon('message')).toBe('chat');
    expect(kindIcon('future' as SearchKind)).toBe('search');
  });
});
