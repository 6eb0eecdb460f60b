import { routes } from '@panoramix/contracts';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { byId, useTestApp } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const ctx = useTestApp();
const notes = () => mongoose.connection.collection('notes');
const indexer = () => ctx.app.server.services.indexer;
const found = async (user: TestUser, q: string) =>
  (await user.call(routes.search.search, { query: { q, kinds: 'note' } })).body.items.map((hit) => hit.id);
const newNote = async (user: TestUser, title: string, content: string) =>
  (await user.call(routes.notes.create, { body: { title, content } })).body.id;

describe('search reconciliation', () => {
  it('indexes writes that never reached the queue, refreshes stale entries and drops entries of vanished items', async () => {
    const user = await ctx.app.newUser();
    const edited = await newNote(user, 'Ibex trail', 'before');
    const vanished = await newNote(user, 'Lemur notes', 'soon gone');
    await indexer().flush();

    // As a process killed right after its database write leaves them: written, but no queue entry.
    const later = new Date(Date.now() + 1000);
    const unqueued = new mongoose.Types.ObjectId();
    await notes().insertOne({
      _id: unqueued,
      userId: new mongoose.Types.ObjectId(user.id),
      projectId: null,
      title: 'Pangolin survey',
      content: '',
      createdAt: later,
      updatedAt: later,
    });
    await notes().updateOne({ _id: new mongoose.Types.ObjectId(edited) }, { $set: { title: 'Chamois trail', updatedAt: later } });
    await notes().deleteOne({ _id: new mongoose.Types.ObjectId(vanished) });
    await indexer().flush();
    expect(await found(user, 'pangolin')).toEqual([]);
    expect(await found(user, 'chamois')).toEqual([]);
    expect(await found(user, 'lemur')).toEqual([vanished]);

    expect(await indexer().repair()).toEqual({ missing: 1, stale: 1, orphaned: 1 });
    await indexer().flush();
    expect(await found(user, 'pangolin')).toEqual([String(unqueued)]);
    expect(await found(user, 'chamois')).toEqual([edited]);
    expect(await found(user, 'ibex')).toEqual([]);
    expect(await found(user, 'lemur')).toEqual([]);

    // In step again: nothing more to queue, deleted and text-less chat messages included.
    const room = (await user.call(routes.rooms.create, { body: { type: 'group', name: 'Solo', memberIds: [] } })).body.id;
    const message = (
      await user.call(routes.messages.send, { ...byId(room), body: { clientId: 'reconcile-1-id', text: 'gone soon' } })
    ).body;
    expect((await user.call(routes.messages.remove, byId(message.id))).status).toBe(200);
    await indexer().flush();
    expect(await indexer().repair()).toEqual({ missing: 0, stale: 0, orphaned: 0 });
  });
});
