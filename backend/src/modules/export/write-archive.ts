import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { exportedCollections } from './collections.ts';
import { packUploads } from './files.ts';
import { beginLine, docLine, endLine, sidecarPath } from './framing.ts';
import { silentProgress } from './progress.ts';
import type { Progress } from './progress.ts';
import { exportFilter } from './registry.ts';
import type { ExportedCollection, ExportTarget } from './registry.ts';

export interface ExportSummary {
  archive: string;
  /** The sidecar tar, when the target has uploaded files. */
  files?: string;
  counts: Record<string, number>;
}

async function* archiveLines(
  collections: readonly ExportedCollection[],
  target: ExportTarget,
  counts: Record<string, number>,
  progress: Progress,
) {
  for (const collection of collections) {
    const filter = exportFilter(collection, target);
    if (!filter) continue;
    yield beginLine(collection.name);
    let n = 0;
    // Sorted by _id so two exports of the same data are the same file, line for line.
    const cursor = collection.model.find(filter).setOptions({ tenancy: 'system' }).sort({ _id: 1 }).lean().cursor();
    for await (const doc of cursor) {
      yield docLine(collection.name, doc);
      progress.count(collection.name, ++n);
    }
    yield endLine(collection.name);
    counts[collection.name] = n;
    progress.done(collection.name, n);
  }
}

/**
 * Writes `archive` (gzip level 9 NDJSON, Panorama's framing) and its sidecar tar of uploaded
 * files. The archive is written under a temporary name and renamed at the end, so a crashed
 * run never leaves a truncated file that looks complete.
 */
export async function writeArchive(options: {
  target: ExportTarget;
  archive: string;
  uploadsDir: string;
  progress?: Progress;
  collections?: readonly ExportedCollection[];
}): Promise<ExportSummary> {
  const { target, archive, uploadsDir, progress = silentProgress } = options;
  const counts: Record<string, number> = {};
  await mkdir(path.dirname(archive), { recursive: true });
  const partial = `${archive}.partial`;
  try {
    const lines = archiveLines(options.collections ?? exportedCollections, target, counts, progress);
    await pipeline(Readable.from(lines), createGzip({ level: 9 }), createWriteStream(partial));
    await rename(partial, archive);
  } finally {
    await rm(partial, { force: true });
  }
  const files = sidecarPath(archive);
  const packed = await packUploads(uploadsDir, target, files);
  progress.note(packed ? `uploaded files: ${files}` : 'uploaded files: none');
  return { archive, ...(packed ? { files } : {}), counts };
}
