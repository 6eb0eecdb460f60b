import { createReadStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Document } from 'mongodb';
import { revive } from '../panorama-import/mapping.ts';
import { exportedCollections } from './collections.ts';
import { checkUploads, unpackUploads } from './files.ts';
import { ArchiveError, parseFrame, sidecarPath } from './framing.ts';
import { silentProgress } from './progress.ts';
import type { Progress } from './progress.ts';
import { upgradeImported } from './registry.ts';
import type { ExportedCollection } from './registry.ts';

export interface ImportSummary {
  /** Documents written per collection (created or replaced). */
  counts: Record<string, number>;
  /** Collections in the archive that no module registers (e.g. a Panorama module not ported yet). */
  skipped: Record<string, number>;
  files: boolean;
}

const BATCH = 500;

/** Splits a gunzipped stream into lines; a read or gzip error surfaces here, from the iteration. */
async function* lines(file: string) {
  const stream = pipeline(createReadStream(file), createGunzip(), () => {});
  stream.setEncoding('utf8');
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest !== '') yield rest;
}

/**
 * A document as it was stored, from its JSON: the schema casts ids and ISO dates back to ObjectIds
 * and Dates and validates them. A document the schema refuses stops the import, named, unless the
 * collection has an `upgrade`: then it is an older shape that the upgrade brings up to date. Fields the
 * schema does not declare are only written by the Panorama import (`legacyId`, `extra`,
 * `pendingMemberIds`): they are kept, their dates revived as the import revived them, so a restore
 * keeps the provenance. No version key is added to a document stored without one.
 */
async function restored(collection: ExportedCollection, raw: Record<string, unknown>): Promise<Document> {
  const built = new collection.model(raw);
  await built.validate().catch((error: unknown) => {
    if (collection.upgrade) return;
    throw new ArchiveError(`${collection.name} ${String(raw._id)}: ${(error as Error).message}`);
  });
  const doc = built.toBSON() as Document;
  for (const [key, value] of Object.entries(raw)) if (!(key in doc)) doc[key] = revive(value, key);
  const versionKey = collection.model.schema.get('versionKey');
  if (typeof versionKey === 'string' && !(versionKey in raw)) delete doc[versionKey];
  return doc;
}

/**
 * Upserts every document by `_id`, exactly as exported (timestamps included): importing the
 * same archive twice leaves the database as after the first time. Works on MongoDB 5 and FerretDB alike: unordered
 * bulk writes, no transaction — a re-run finishes an interrupted import.
 */
export async function readArchive(options: {
  archive: string;
  uploadsDir: string;
  progress?: Progress;
  collections?: readonly ExportedCollection[];
}): Promise<ImportSummary> {
  const { archive, uploadsDir, progress = silentProgress } = options;
  if (!existsSync(archive)) throw new ArchiveError(`${archive}: no such file`);
  const files = sidecarPath(archive);
  const hasFiles = existsSync(files);
  if (hasFiles) await checkUploads(files);
  const registered = new Map((options.collections ?? exportedCollections).map((c) => [c.name, c]));
  const counts: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  let batch: Record<string, unknown>[] = [];
  let current: ExportedCollection | undefined;

  async function flush() {
    if (!current || batch.length === 0) return;
    const collection = current;
    const docs = await Promise.all(batch.map((raw) => restored(collection, raw)));
    const ops = docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } }));
    batch = [];
    await current.model.collection.bulkWrite(ops, { ordered: false });
    const written = (counts[current.name] ?? 0) + ops.length;
    counts[current.name] = written;
    progress.count(current.name, written);
  }

  let lineNumber = 0;
  for await (const line of lines(archive)) {
    lineNumber++;
    if (line.trim() === '') continue;
    const entry = parseFrame(line, lineNumber);
    const collection = registered.get(entry.collection);
    if (!collection) {
      if (!('type' in entry)) skipped[entry.collection] = (skipped[entry.collection] ?? 0) + 1;
      continue;
    }
    // Each line names its collection (the spec's authority), begin/end lines only delimit.
    if (collection !== current) {
      await flush();
      current = collection;
      counts[collection.name] ??= 0;
    }
    if (!('type' in entry)) {
      batch.push(entry.doc);
      if (batch.length >= BATCH) await flush();
    } else if (entry.type === 'end') {
      await flush();
      progress.done(collection.name, counts[collection.name] ?? 0);
    }
  }
  await flush();
  await upgradeImported(registered.values(), (collection) => counts[collection.name] !== undefined);
  for (const [name, n] of Object.entries(skipped)) progress.note(`${name}: ${n} documents skipped (no module imports them yet)`);

  if (hasFiles) await unpackUploads(files, uploadsDir);
  progress.note(hasFiles ? `uploaded files restored from ${files}` : 'uploaded files: none in this export');
  return { counts, skipped, files: hasFiles };
}
