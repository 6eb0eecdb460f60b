import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { create, extract, list } from 'tar';
import type { ReadEntry } from 'tar';
import { ArchiveError } from './framing.ts';
import type { ExportTarget } from './registry.ts';

/*
 * Uploaded files live under `uploadsDir/<userId>/…` (the files module stores them there), so
 * a user's files are one folder and the instance's are the whole tree. They travel as a plain
 * tar beside the archive (node-tar: streams files of any size, keeps their names and times,
 * needs no system `tar`, and refuses paths that would land outside the folder it extracts into).
 */

/** The top-level entries of the uploads folder that belong to the target; none when it does not exist. */
async function entriesFor(uploadsDir: string, target: ExportTarget): Promise<string[]> {
  if (!existsSync(uploadsDir)) return [];
  if (target.kind === 'user') {
    const own = target.userId.toHexString();
    return existsSync(path.join(uploadsDir, own)) ? [own] : [];
  }
  return (await readdir(uploadsDir)).sort();
}

/** Writes the sidecar tar; returns false (and leaves no tar) when the target has no uploaded file. */
export async function packUploads(uploadsDir: string, target: ExportTarget, tarFile: string): Promise<boolean> {
  const entries = await entriesFor(uploadsDir, target);
  await rm(tarFile, { force: true }); // a stale sidecar from an earlier run must not pass for this one's
  if (entries.length === 0) return false;
  const partial = `${tarFile}.partial`;
  await create({ file: partial, cwd: uploadsDir }, entries);
  await rename(partial, tarFile);
  return true;
}

/** Our exports hold folders and plain files only, under relative paths without `..`. */
function unsafe(entry: ReadEntry): string | undefined {
  const segments = entry.path.split(/[\\/]/);
  if (path.isAbsolute(entry.path) || /^[A-Za-z]:/.test(entry.path)) return 'an absolute path';
  if (segments.includes('..')) return 'a path with ..';
  if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'Directory') return `a ${entry.type} entry`;
  return undefined;
}

/**
 * Refuses a sidecar with an entry that could write outside the uploads folder, before anything is
 * written (documents included): a crafted or damaged archive changes nothing.
 */
export async function checkUploads(tarFile: string): Promise<void> {
  const refused: string[] = [];
  await list({
    file: tarFile,
    strict: true,
    onReadEntry: (entry) => {
      const why = unsafe(entry);
      if (why) refused.push(`${entry.path} (${why})`);
    },
  }).catch((error: unknown) => {
    throw new ArchiveError(`${tarFile}: not a readable tar: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (refused.length > 0)
    throw new ArchiveError(`${tarFile}: refused, entries outside the uploads folder: ${refused.join(', ')}`);
}

/** Extracts a checked sidecar into the uploads folder; files already there with the same name are replaced. */
export async function unpackUploads(tarFile: string, uploadsDir: string): Promise<void> {
  await mkdir(uploadsDir, { recursive: true });
  // strict: node-tar's own path guard throws instead of skipping, should the check above ever miss one.
  await extract({ file: tarFile, cwd: uploadsDir, strict: true });
}
