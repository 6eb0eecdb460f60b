import { describe, expect, it } from 'vitest';
import { Segment } from './segment.ts';
import type { PointPayload, VectorHit } from './store.ts';

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

const kinds = ['note', 'task', 'link'];
const payload = (i: number): PointPayload => ({
  userId: 'u',
  kind: kinds[i % kinds.length]!,
  id: String(i),
  title: `item ${i}`,
  projectId: null,
  updatedAt: new Date(0).toISOString(),
  scope: 'user:u',
  chunk: 0,
});

/** The reference: every point scored in double precision, sorted. */
const naive = (points: Map<string, number[]>, query: number[], allowed: (id: string) => boolean, limit: number) =>
  [...points]
    .filter(([id]) => allowed(id))
    .map(([id, v]) => ({ id, score: v.reduce((sum, x, d) => sum + x * query[d]!, 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);

describe('in-memory segment', () => {
  it.each([3, 13, 384])('ranks exactly like a double-precision scan (%i dimensions), with kind filter and removals', (dim) => {
    const next = random(dim);
    const segment = new Segment(dim);
    const points = new Map<string, number[]>();
    // 700 points: grows the memory several times past its first 16 slots.
    for (let i = 0; i < 700; i++) {
      const vector = Array.from({ length: dim }, next);
      points.set(String(i), vector);
      segment.put(String(i), vector, payload(i));
    }
    for (let i = 0; i < 700; i += 7) {
      segment.remove(String(i));
      points.delete(String(i));
    }
    segment.removeItems(new Set(['task:1', 'note:3']));
    points.delete('1');
    points.delete('3');
    const moved = Array.from({ length: dim }, next);
    segment.put('5', moved, payload(5)); // overwrite in place
    points.set('5', moved);
    expect(segment.size).toBe(points.size);

    for (let q = 0; q < 20; q++) {
      const query = Array.from({ length: dim }, next);
      const filter = q % 2 ? new Set(['note', 'link']) : null;
      const top: VectorHit[] = [];
      segment.scan(query, filter, 25, top);
      const expected = naive(points, query, (id) => !filter || filter.has(payload(Number(id)).kind), 25);
      expect(top.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
      top.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 4));
    }
  });

  it('merges several segments into one top-k', () => {
    const a = new Segment(2);
    const b = new Segment(2);
    a.put('a1', [1, 0], payload(0));
    a.put('a2', [0.5, 0], payload(3));
    b.put('b1', [0.8, 0], payload(6));
    const top: VectorHit[] = [];
    a.scan([1, 0], null, 2, top);
    b.scan([1, 0], null, 2, top);
    expect(top.map((hit) => hit.id)).toEqual(['a1', 'b1']);
  });
});
