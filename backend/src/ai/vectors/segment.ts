import type { PointPayload, VectorHit } from './store.ts';

/**
 * The vectors of one scope, packed in one Float32Array so an exact scan is a tight loop over
 * contiguous memory. Removal swaps the last point into the hole.
 */
export class Segment {
  private vectors: Float32Array;
  private readonly ids: string[] = [];
  private readonly payloads: PointPayload[] = [];
  private readonly positions = new Map<string, number>();

  constructor(private readonly dimension: number) {
    this.vectors = new Float32Array(dimension * 16);
  }

  get size() {
    return this.ids.length;
  }

  put(id: string, vector: ArrayLike<number>, payload: PointPayload) {
    let at = this.positions.get(id);
    if (at === undefined) {
      at = this.ids.length;
      if ((at + 1) * this.dimension > this.vectors.length) {
        const grown = new Float32Array(this.vectors.length * 2);
        grown.set(this.vectors);
        this.vectors = grown;
      }
      this.ids.push(id);
      this.payloads.push(payload);
      this.positions.set(id, at);
    } else this.payloads[at] = payload;
    this.vectors.set(vector, at * this.dimension);
  }

  remove(id: string) {
    const at = this.positions.get(id);
    if (at === undefined) return;
    const last = this.ids.length - 1;
    if (at !== last) {
      const lastId = this.ids[last]!;
      this.ids[at] = lastId;
      this.payloads[at] = this.payloads[last]!;
      this.positions.set(lastId, at);
      this.vectors.copyWithin(at * this.dimension, last * this.dimension, (last + 1) * this.dimension);
    }
    this.ids.pop();
    this.payloads.pop();
    this.positions.delete(id);
  }

  /** Adds this segment's best points to `top` (kept sorted, best first, at most `limit`). */
  scan(query: Float32Array, kinds: ReadonlySet<string> | null, limit: number, top: VectorHit[]) {
    const dim = this.dimension;
    const vectors = this.vectors;
    for (let i = 0; i < this.ids.length; i++) {
      const payload = this.payloads[i]!;
      if (kinds && !kinds.has(payload.kind)) continue;
      // Four running sums: independent additions the CPU overlaps (about 1.5x faster than one sum).
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const o = i * dim;
      let d = 0;
      for (; d + 3 < dim; d += 4) {
        s0 += vectors[o + d]! * query[d]!;
        s1 += vectors[o + d + 1]! * query[d + 1]!;
        s2 += vectors[o + d + 2]! * query[d + 2]!;
        s3 += vectors[o + d + 3]! * query[d + 3]!;
      }
      for (; d < dim; d++) s0 += vectors[o + d]! * query[d]!;
      const score = s0 + s1 + s2 + s3;
      if (top.length === limit && score <= top[limit - 1]!.score) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.score < score) at--;
      top.splice(at, 0, { id: this.ids[i]!, score, payload });
      if (top.length > limit) top.pop();
    }
  }
}
