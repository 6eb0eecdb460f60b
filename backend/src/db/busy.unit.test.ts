import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { whileBusy } from './busy.ts';

// What FerretDB answers when its SQLite lock wait runs out beside a long write.
const busy = () =>
  new MongoServerError({
    ok: 0,
    code: 1,
    errmsg: '[collection.go:135 sqlite.(*collection).InsertAll.func1] database is locked (5) (SQLITE_BUSY)',
  });

/** A command that fails with `errors`, one per attempt, then answers `done`. */
function failing(...errors: Error[]) {
  let attempts = 0;
  const work = async () => {
    const error = errors[attempts++];
    if (error) throw error;
    return 'done';
  };
  return { work, attempts: () => attempts };
}

describe('whileBusy', () => {
  it('runs the command again while the database is busy, and answers what it answers then', async () => {
    const command = failing(busy(), busy());
    await expect(whileBusy(command.work, { firstWaitMs: 1 })).resolves.toBe('done');
    expect(command.attempts()).toBe(3);
  });

  it('does not run again a command refused for another reason', async () => {
    const command = failing(new MongoServerError({ ok: 0, code: 11000, errmsg: 'E11000 duplicate key error' }));
    await expect(whileBusy(command.work, { firstWaitMs: 1 })).rejects.toThrow('duplicate key');
    expect(command.attempts()).toBe(1);
  });

  it('gives up once its patience is spent, with the busy error', async () => {
    const command = failing(busy(), busy(), busy(), busy(), busy(), busy());
    await expect(whileBusy(command.work, { firstWaitMs: 4, patienceMs: 10 })).rejects.toThrow('SQLITE_BUSY');
    expect(command.attempts()).toBeLessThan(6);
  });
});
