import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { streamJson } from './json-stream.ts';

/** Just what the stream uses of an Express response, recording each write. */
class FakeResponse extends EventEmitter {
  writes: string[] = [];
  destroyed = false;
  statusCode = 0;
  full = false;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  type() {
    return this;
  }
  write(text: string) {
    this.writes.push(text);
    return !this.full;
  }
  end(text: string) {
    this.writes.push(text);
  }
  destroy() {
    this.destroyed = true;
    this.emit('close');
  }
}

async function* batches<T>(...parts: T[][]) {
  for (const part of parts) yield part;
}

const run = async (value: Parameters<typeof streamJson>[0], res = new FakeResponse()) => {
  await streamJson(value).write(res as unknown as Response, 200);
  return res;
};

describe('streamJson', () => {
  it('writes valid JSON, one write per batch, empty batches and arrays included', async () => {
    const res = await run({
      version: 'v1',
      items: batches([{ a: 1 }, { a: 2 }], [], [{ a: 3 }]),
      removed: batches(),
      ids: ['x'],
    });
    expect(JSON.parse(res.writes.join(''))).toEqual({
      version: 'v1',
      items: [{ a: 1 }, { a: 2 }, { a: 3 }],
      removed: [],
      ids: ['x'],
    });
    // version, the two non-empty batches, the array's end, removed, ids, the closing brace
    expect(res.writes).toHaveLength(7);
    expect(res.statusCode).toBe(200);
  });

  it('cuts the connection when a batch fails after the status is sent, so no short answer looks whole', async () => {
    async function* failing() {
      yield [1];
      throw new Error('cursor lost');
    }
    const res = new FakeResponse();
    await expect(run({ items: failing() }, res)).rejects.toThrow('cursor lost');
    expect(res.destroyed).toBe(true);
    expect(res.writes.join('')).not.toMatch(/}$/);
  });

  it('stops reading when the client goes away while it waits for the socket to drain', async () => {
    let read = 0;
    async function* counted() {
      for (;;) yield [++read];
    }
    const res = new FakeResponse();
    res.full = true;
    const writing = run({ items: counted() }, res);
    await new Promise((resolve) => setImmediate(resolve));
    res.destroy();
    await writing;
    expect(read).toBe(1);
  });
});
