import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { routes } from '@panoramix/contracts';
import mongoose from 'mongoose';
import { create as createTar } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveFrames, seedEveryModule, treeDigest } from '../../../test/dataset.ts';
import type { TestUser } from '../../../test/harness.ts';
import { useTestApp } from '../../../test/harness.ts';
import { ownedPlugin } from '../../db/tenancy.ts';
import { exportedCollections, notExported } from './collections.ts';
import { ArchiveError, sidecarPath } from './framing.ts';
import { readArchive } from './read-archive.ts';
import { writeArchive } from './write-archive.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'panoramix-export-test-'));
const uploadsDir = path.join(work, 'uploads');
const ctx = useTestApp({ UPLOADS_DIR: uploadsDir, OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1' });
let users: TestUser[];

beforeAll(async () => {
  users = await seedEveryModule(ctx.app);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const instance = { kind: 'instance' } as const;
const archivePath = (name: string) => path.join(work, `${name}.ndjson.gz`);

async function wipe() {
  const db = mongoose.connection.db!;
  for (const { model } of exportedCollections) await db.collection(model.collection.collectionName).deleteMany({});
  rmSync(uploadsDir, { recursive: true, force: true });
}

describe('export archive', () => {
  it("uses Panorama's framing: begin, documents, end for every registered collection, even empty ones", async () => {
    const summary = await writeArchive({ target: instance, archive: archivePath('framing'), uploadsDir });
    const frames = archiveFrames(summary.archive);
    const markers = frames.filter((f) => f.type).map((f) => `${f.type}:${f.collection}`);
    expect(markers).toEqual(exportedCollections.flatMap(({ name }) => [`begin:${name}`, `end:${name}`]));
    const link = frames.find((f) => f.collection === 'links' && f.doc)?.doc;
    // Plain JSON.stringify: ids and dates as strings, as Panorama writes them.
    expect(link).toMatchObject({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), createdAt: expect.stringMatching(/Z$/) });
    expect(summary.counts.links).toBe(4);
  });

  it("holds one user's documents and uploaded files only", async () => {
    const [alice, bob] = users as [TestUser, TestUser];
    const target = { kind: 'user', userId: new mongoose.Types.ObjectId(alice.id) } as const;
    const summary = await writeArchive({ target, archive: archivePath('alice'), uploadsDir });
    const docs = archiveFrames(summary.archive).filter((f) => f.doc);
    expect(summary.counts).toMatchObject({ users: 1, links: 2, userPreferences: 1, files: 2 });
    expect(summary.counts.instanceFlags).toBeUndefined();
    // Bob appears only as someone Alice talked to (room members, contacts), never as an owner.
    expect(docs.filter((f) => f.doc.userId === bob.id || f.doc._id === bob.id)).toEqual([]);
    expect(docs.some((f) => f.collection === 'messages')).toBe(true);
    const listing = execFileSync('tar', ['-tf', summary.files!], { encoding: 'utf8' });
    expect(listing).toMatch(new RegExp(`${alice.id}/scan-0.txt__[0-9a-f]+__scan-0.txt`));
    expect(listing).not.toContain(bob.id);
  });

  it('restores a wiped instance to an identical export, and sign-in works again', async () => {
    const before = await writeArchive({ target: instance, archive: archivePath('before'), uploadsDir });
    const filesBefore = await treeDigest(uploadsDir);
    await wipe();
    const [alice] = users as [TestUser];
    const logIn = () =>
      ctx.app.client().call(routes.auth.login, { body: { username: alice.username, password: alice.password } });
    expect((await logIn()).status).toBe(401);

    const imported = await readArchive({ archive: before.archive, uploadsDir });
    expect(imported.counts).toEqual(before.counts);
    const after = await writeArchive({ target: instance, archive: archivePath('after'), uploadsDir });
    expect(archiveFrames(after.archive)).toEqual(archiveFrames(before.archive));
    expect(await treeDigest(uploadsDir)).toEqual(filesBefore);
    expect((await logIn()).status).toBe(200);
  });

  it('is idempotent: importing the same archive again duplicates nothing', async () => {
    const archive = archivePath('twice');
    await writeArchive({ target: instance, archive, uploadsDir });
    await readArchive({ archive, uploadsDir });
    await readArchive({ archive, uploadsDir });
    const again = await writeArchive({ target: instance, archive: archivePath('twice-after'), uploadsDir });
    expect(archiveFrames(again.archive)).toEqual(archiveFrames(archive));
  });

  it('skips collections no module imports, and names the bad line of a broken archive', async () => {
    const foreign = archivePath('foreign');
    const lines = [
      { collection: 'notAModule', type: 'begin' },
      { collection: 'notAModule', doc: { _id: 'aB3dE5fG7hJ9kL1mN', userId: 'u1X2y3Z4w5V6t7S8r' } },
      { collection: 'notAModule', type: 'end' },
    ];
    writeFileSync(foreign, gzipSync(lines.map((l) => JSON.stringify(l)).join('\n')));
    expect(await readArchive({ archive: foreign, uploadsDir })).toMatchObject({ skipped: { notAModule: 1 }, files: false });

    const broken = archivePath('broken');
    writeFileSync(broken, gzipSync(`${JSON.stringify(lines[0])}\n{"collection":"links"}\n`));
    await expect(readArchive({ archive: broken, uploadsDir })).rejects.toThrow(ArchiveError);
    await expect(readArchive({ archive: broken, uploadsDir })).rejects.toThrow(/^line 2: /);
  });

  it('refuses an archive whose files would land outside the uploads folder, writing nothing', async () => {
    const archive = archivePath('escape');
    const link = {
      _id: new mongoose.Types.ObjectId().toHexString(),
      userId: users[0]!.id,
      url: 'https://example.org',
      title: 'x',
    };
    const lines = [
      { collection: 'links', type: 'begin' },
      { collection: 'links', doc: link },
      { collection: 'links', type: 'end' },
    ];
    writeFileSync(archive, gzipSync(lines.map((l) => JSON.stringify(l)).join('\n')));
    const inside = path.join(work, 'escape-cwd');
    mkdirSync(inside);
    writeFileSync(path.join(work, 'escaped.txt'), 'payload');
    await createTar({ file: sidecarPath(archive), cwd: inside, preservePaths: true }, ['../escaped.txt']);
    rmSync(path.join(work, 'escaped.txt'));

    await expect(readArchive({ archive, uploadsDir: path.join(inside, 'uploads') })).rejects.toThrow(
      /refused, entries outside the uploads folder: \.\.\/escaped\.txt/,
    );
    expect(existsSync(path.join(work, 'escaped.txt'))).toBe(false);
    expect(await mongoose.connection.db!.collection('links').countDocuments({ title: 'x' })).toBe(0);
  });

  it('registers every owned model, so a new module cannot be left out of backups', () => {
    const registered = new Set(exportedCollections.map((c) => c.model.modelName));
    // Mongoose keeps applied plugins on the schema without typing the list.
    const plugins = (name: string) => (mongoose.model(name).schema as unknown as { plugins: { fn: unknown }[] }).plugins;
    const owned = mongoose.modelNames().filter((name) => plugins(name).some((p) => p.fn === ownedPlugin));
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.filter((name) => !registered.has(name) && !(name in notExported))).toEqual([]);
  });
});
