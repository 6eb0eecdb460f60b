import type { OrgNode } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { buildForest, visibleRows } from './org-tree.ts';

const node = (id: string, managerId: string | null = null): OrgNode => ({
  id,
  name: id,
  lastName: '',
  role: '',
  managerId,
  teamId: null,
  left: false,
});
const shape = (forest: ReturnType<typeof buildForest>): unknown =>
  forest.map((b) => (b.children.length ? { [b.node.id]: shape(b.children) } : b.node.id));

describe('buildForest', () => {
  it('puts everyone under their manager, roots first, in the given order', () => {
    const forest = buildForest([node('ana'), node('ben', 'ana'), node('cleo', 'ana'), node('dan', 'ben'), node('eve')]);
    expect(shape(forest)).toEqual([{ ana: [{ ben: ['dan'] }, 'cleo'] }, 'eve']);
  });

  it('makes a root of someone whose manager is gone', () => {
    expect(shape(buildForest([node('ben', 'ghost')]))).toEqual(['ben']);
  });

  it('shows everyone of an old loop once', () => {
    const forest = buildForest([node('x', 'y'), node('y', 'x'), node('z', 'y')]);
    const ids = visibleRows(forest, new Set(['x', 'y', 'z'])).map((r) => r.branch.node.id);
    expect(ids.sort()).toEqual(['x', 'y', 'z']);
  });
});

describe('visibleRows', () => {
  it('hides the children of collapsed branches and gives each row its depth and parent', () => {
    const forest = buildForest([node('ana'), node('ben', 'ana'), node('dan', 'ben')]);
    expect(visibleRows(forest, new Set()).map((r) => r.branch.node.id)).toEqual(['ana']);
    expect(visibleRows(forest, new Set(['ana', 'ben'])).map((r) => [r.branch.node.id, r.depth, r.parentId])).toEqual([
      ['ana', 0, null],
      ['ben', 1, 'ana'],
      ['dan', 2, 'ben'],
    ]);
  });
});
