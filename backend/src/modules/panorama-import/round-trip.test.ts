import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveFrames } from '../../../test/dataset.ts';
import type { TestUser } from '../../../test/harness.ts';
import { useTestApp } from '../../../test/harness.ts';
import { exportedCollections } from '../export/collections.ts';
import { readArchive } from '../export/read-archive.ts';
import { writeArchive } from '../export/write-archive.ts';
import { importPanorama } from './import.ts';
import { writeTestArchive } from './test-archive.ts';
import { verifyImport } from './verify.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'panorama-round-trip-'));
const uploadsDir = path.join(work, 'uploads');
const ctx = useTestApp({ UPLOADS_DIR: uploadsDir });
const archive = writeTestArchive(path.join(work, 'panorama.ndjson.gz'));
let alice: TestUser;

beforeAll(async () => {
  alice = await ctx.app.newUser();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Panorama import through our own backup', { timeout: 120_000 }, () => {
  it('restores into an empty database to an identical export, the Panorama provenance included', async () => {
    const userId = new mongoose.Types.ObjectId(alice.id);
    await importPanorama({
      archive,
      userId,
      username: alice.username,
      timeZone: 'Europe/Paris',
      instanceSecret: 'round-trip-instance-secret-of-32-chars',
      keepSecrets: 'all',
      uploadsDir,
    });
    const target = { kind: 'user', userId } as const;
    const before = await writeArchive({ target, archive: path.join(work, 'before.ndjson.gz'), uploadsDir });
    const db = mongoose.connection.db!;
    for (const { model } of exportedCollections) await db.collection(model.collection.collectionName).deleteMany({});

    await readArchive({ archive: before.archive, uploadsDir });
    const after = await writeArchive({ target, archive: path.join(work, 'after.ndjson.gz'), uploadsDir });
    expect(archiveFrames(after.archive)).toEqual(archiveFrames(before.archive));

    const shared = archiveFrames(after.archive).find((f) => f.doc?.legacyId === 'pShared0000000001')?.doc;
    expect(shared).toMatchObject({ pendingMemberIds: ['uStranger0000001'], extra: { riskLevel: 'high' } });
    // The restored documents are what the import wrote, dates under extra included: verify finds nothing to say.
    expect((await verifyImport({ archive, userId, timeZone: 'Europe/Paris' })).differences).toEqual([]);
  });
});
