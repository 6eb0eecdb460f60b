import { scoreKernel, strideOf } from './kernel.ts';
import type { PointPayload, VectorHit } from './store.ts';

const PAGE = 65536;
const BYTES = 4;

/**
 * The vectors of one scope, packed in a WebAssembly memory so that one kernel call scores them
 * all (kernel.ts); only the points that beat the current top-k are looked at in JavaScript.
 * Memory layout, in floats: the query (one stride), then `capacity` vectors, then their scores.
 * Removal swaps the last point into the hole. Each segment reserves its own wasm address space
 * (about 10 GB virtual, nothing resident until written): V8 allows some 13,000 of them per process.
 */
export class Segment {
  private readonly stride: number;
  private readonly memory = new WebAssembly.Memory({ initial: 1 });
  private readonly score = scoreKernel(this.memory);
  private floats = new Float32Array(this.memory.buffer);
  private capacity = 0;
  private readonly ids: string[] = [];
  private readonly payloads: PointPayload[] = [];
  private readonly positions = new Map<string, number>();
  /** Per point, the index of its kind in `kindNames`: the kind filter is a table look-up, not a string compare. */
  private kindCodes = new Uint8Array(0);
  private readonly kindNames: string[] = [];

  constructor(dimension: number) {
    this.stride = strideOf(dimension);
    this.reserve(16);
  }

  get size() {
    return this.ids.length;
  }

  /** Bytes of vectors and scores held, for the benchmark's memory figures. */
  get bytes() {
    return this.memory.buffer.byteLength;
  }

  private reserve(capacity: number) {
    const missing = Math.ceil(((this.stride * (capacity + 1) + capacity) * BYTES - this.memory.buffer.byteLength) / PAGE);
    if (missing > 0) this.memory.grow(missing);
    this.floats = new Float32Array(this.memory.buffer); // growing detaches the previous view
    const codes = new Uint8Array(capacity);
    codes.set(this.kindCodes);
    this.kindCodes = codes;
    this.capacity = capacity;
  }

  private kindCode(kind: string) {
    let code = this.kindNames.indexOf(kind);
    if (code === -1) {
      if (this.kindNames.length === 256) throw new Error('vector segment: more than 256 kinds');
      code = this.kindNames.push(kind) - 1;
    }
    return code;
  }

  put(id: string, vector: ArrayLike<number>, payload: PointPayload) {
    let at = this.positions.get(id);
    if (at === undefined) {
      at = this.ids.length;
      if (at === this.capacity) this.reserve(this.capacity * 2);
      this.ids.push(id);
      this.payloads.push(payload);
      this.positions.set(id, at);
    } else this.payloads[at] = payload;
    this.kindCodes[at] = this.kindCode(payload.kind);
    this.floats.set(vector, (at + 1) * this.stride); // the padding past `dimension` stays zero
  }

  remove(id: string) {
    const at = this.positions.get(id);
    if (at === undefined) return;
    const last = this.ids.length - 1;
    if (at !== last) {
      const lastId = this.ids[last]!;
      this.ids[at] = lastId;
      this.payloads[at] = this.payloads[last]!;
      this.kindCodes[at] = this.kindCodes[last]!;
      this.positions.set(lastId, at);
      this.floats.copyWithin((at + 1) * this.stride, (last + 1) * this.stride, (last + 2) * this.stride);
    }
    this.ids.pop();
    this.payloads.pop();
    this.positions.delete(id);
  }

  /** Removes every point whose payload `kind:id` is in `items`. */
  removeItems(items: ReadonlySet<string>) {
    const doomed = this.ids.filter((_, i) => items.has(`${this.payloads[i]!.kind}:${this.payloads[i]!.id}`));
    for (const id of doomed) this.remove(id);
  }

  /** Adds this segment's best points to `top` (kept sorted, best first, at most `limit`). */
  scan(query: ArrayLike<number>, kinds: ReadonlySet<string> | null, limit: number, top: VectorHit[]) {
    const count = this.ids.length;
    if (count === 0 || limit <= 0) return;
    const allowed = Uint8Array.from(this.kindNames, (kind) => (!kinds || kinds.has(kind) ? 1 : 0));
    this.floats.set(query, 0);
    const scoresAt = (this.capacity + 1) * this.stride;
    this.score(0, this.stride * BYTES, count, this.stride * BYTES, scoresAt * BYTES);
    const scores = this.floats.subarray(scoresAt, scoresAt + count);
    const codes = this.kindCodes;
    let floor = top.length === limit ? top[limit - 1]!.score : -Infinity;
    for (let i = 0; i < count; i++) {
      const score = scores[i]!;
      if (score <= floor || allowed[codes[i]!] === 0) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.score < score) at--;
      top.splice(at, 0, { id: this.ids[i]!, score, payload: this.payloads[i]! });
      if (top.length > limit) top.pop();
      if (top.length === limit) floor = top[limit - 1]!.score;
    }
  }
}
