import { randomBytes } from 'node:crypto';
import { routes } from '@panoramix/contracts';
import mongoose from 'mongoose';
import { expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.ts';
import { SearchEntryModel } from './entries.ts';
import { INDEX_FORMAT } from './indexer.ts';

it('reindexes a collection written in an older index format once, on the next start', async () => {
  const database = { MONGODB_DB: `test_${randomBytes(6).toString('hex')}` };
  const entriesOf = (id: string) => SearchEntryModel.countDocuments({ itemId: id }).setOptions({ tenancy: 'system' });
  const records = () => mongoose.connection.collection('search_collections');

  const before = await startTestApp(database);
  const user = await before.newUser();
  const note = (await user.call(routes.notes.create, { body: { title: 'Okapi sighting', content: 'striped legs' } })).body;
  await before.server.services.indexer.flush();
  expect(await entriesOf(note.id)).toBe(1);
  // As an older version left it: its record says format 1, and an item it did not index has no entry.
  await SearchEntryModel.deleteMany({ itemId: note.id }).setOptions({ tenancy: 'system' });
  await records().updateMany({}, { $set: { format: 1 } });
  await before.close();

  const after = await startTestApp(database);
  try {
    await after.server.services.indexer.flush();
    expect(await entriesOf(note.id)).toBe(1);
    expect(await records().find().toArray()).toEqual([expect.objectContaining({ format: INDEX_FORMAT })]);
  } finally {
    await after.close();
  }
});
