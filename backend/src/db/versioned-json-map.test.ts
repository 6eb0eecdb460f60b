import mongoose from 'mongoose';
import type { Collection, Document } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { changeJsonMap, readJsonMap } from './versioned-json-map.ts';

const t = useTestApp();
let maps: Collection<Document>;
let sequence = 0;
const newId = () => `map-${process.pid}-${++sequence}`;

beforeAll(() => {
  maps = mongoose.connection.db!.collection('versioned_json_map_test');
});

describe('versioned JSON map', () => {
  it('inserts a missing map with the fields given, then merges changes: set, replace, drop', async () => {
    expect(t.app).toBeDefined();
    const _id = newId();
    await changeJsonMap(
      maps,
      _id,
      { owner: 'ana' },
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    expect(await maps.findOne({ _id } as never)).toMatchObject({ owner: 'ana', v: 1 });
    await changeJsonMap(
      maps,
      _id,
      { owner: 'ana' },
      new Map([
        ['a', 10],
        ['b', null],
        ['c', 3],
      ]),
    );
    expect(await readJsonMap(maps, _id)).toEqual({ a: 10, c: 3 });
    expect(await maps.findOne({ _id } as never)).toMatchObject({ v: 2 });
  });

  it('leaves a missing map missing when told not to insert', async () => {
    const _id = newId();
    await changeJsonMap(maps, _id, null, new Map([['a', 1]]));
    expect(await maps.findOne({ _id } as never)).toBeNull();
    expect(await readJsonMap(maps, _id)).toBeNull();
  });

  it('only bumps the version of a map being built, so the builder learns it missed a write', async () => {
    const _id = newId();
    await maps.insertOne({ _id, v: 4, entries: null } as never);
    await changeJsonMap(maps, _id, null, new Map([['a', 1]]));
    expect(await maps.findOne({ _id } as never)).toEqual({ _id, v: 5, entries: null });
  });

  it('keeps every change of writers racing on one map, the first insert included', async () => {
    const _id = newId();
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    // Spread over turns of the event loop, so that changes arrive while others are being written.
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    await Promise.all(
      keys.map(async (key, i) => {
        for (let n = 0; n < i; n++) await turn();
        await changeJsonMap(maps, _id, {}, new Map([[key, key]]));
      }),
    );
    expect(await readJsonMap(maps, _id)).toEqual(Object.fromEntries(keys.map((key) => [key, key])));
  });

  it('fails the callers of a write that fails, and writes the next changes', async () => {
    const _id = newId();
    await maps.insertOne({ _id, v: 1, entries: '{' } as never); // not JSON
    await expect(changeJsonMap(maps, _id, {}, new Map([['a', 1]]))).rejects.toThrow(SyntaxError);
    await maps.updateOne({ _id } as never, { $set: { entries: '{}' } });
    await changeJsonMap(maps, _id, {}, new Map([['b', 2]]));
    expect(await readJsonMap(maps, _id)).toEqual({ b: 2 });
  });
});
