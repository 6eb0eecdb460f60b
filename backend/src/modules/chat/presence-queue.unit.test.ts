import { describe, expect, it, vi } from 'vitest';
import { createPresenceQueue } from './presence-queue.ts';

interface Call {
  userIds: string[];
  done: boolean;
  finish: (error?: Error) => void;
}

/** An announce whose calls the test finishes by hand, in order. */
function controlledAnnounce() {
  const calls: Call[] = [];
  const announce = (userIds: string[]) =>
    new Promise<void>((resolve, reject) =>
      calls.push({ userIds, done: false, finish: (error) => (error ? reject(error) : resolve()) }),
    );
  async function finish(call: Call, error?: Error) {
    call.done = true;
    call.finish(error);
    await new Promise((resolve) => setImmediate(resolve)); // the queue moves on to its next user
  }
  async function finishAll() {
    for (let call = calls.find((c) => !c.done); call; call = calls.find((c) => !c.done)) await finish(call);
  }
  return { calls, announce, finish, finishAll };
}

describe('presence queue', () => {
  it('announces each user once however many of their sockets changed meanwhile, a few at a time', async () => {
    const { calls, announce, finishAll } = controlledAnnounce();
    const changed = createPresenceQueue(announce, { onError: vi.fn(), concurrency: 2 });
    for (const userId of ['xan', 'yul', 'ann', 'ben', 'ann', 'cat', 'ann', 'ben']) changed(userId);
    expect(calls.map((c) => c.userIds)).toEqual([['xan'], ['yul']]); // two at a time
    await finishAll();
    // Those who waited go in one announcement: one database write for all of them.
    expect(calls.map((c) => c.userIds)).toEqual([['xan'], ['yul'], ['ann', 'ben', 'cat']]);
  });

  it('bounds how many users one announcement takes', async () => {
    const { calls, announce, finishAll } = controlledAnnounce();
    const changed = createPresenceQueue(announce, { onError: vi.fn(), concurrency: 1, batchSize: 2 });
    for (const userId of ['ann', 'ben', 'cat', 'dan', 'eve']) changed(userId);
    await finishAll();
    expect(calls.map((c) => c.userIds)).toEqual([['ann'], ['ben', 'cat'], ['dan', 'eve']]);
  });

  it('announces again a user who changed while being announced, so the last state is told', async () => {
    const { calls, announce, finishAll } = controlledAnnounce();
    const changed = createPresenceQueue(announce, { onError: vi.fn() });
    changed('ann');
    changed('ann'); // being announced: queued once more, not announced twice at once
    changed('ann');
    expect(calls.map((c) => c.userIds)).toEqual([['ann']]);
    await finishAll();
    expect(calls.map((c) => c.userIds)).toEqual([['ann'], ['ann']]);
  });

  it('reports a failed announcement and goes on with the others', async () => {
    const onError = vi.fn();
    const { calls, announce, finish, finishAll } = controlledAnnounce();
    const changed = createPresenceQueue(announce, { onError, concurrency: 1 });
    changed('ann');
    changed('ben');
    const failure = new Error('database down');
    await finish(calls[0]!, failure);
    await finishAll();
    expect(onError).toHaveBeenCalledWith(failure, ['ann']);
    expect(calls.map((c) => c.userIds)).toEqual([['ann'], ['ben']]);
  });
});
