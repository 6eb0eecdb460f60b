import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ExportTarget } from './registry.ts';

/**
 * Uploaded files live under `uploadsDir/<userId>/…` (the files module stores them there), so
 * a user's files are one folder and the instance's are the whole tree. They travel as a plain
 * tar beside the archive, written by the system `tar` (GNU here, BusyBox in the image): it
 * streams files of any size and keeps their names and times.
 */
function tar(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`tar ${args[0]} failed (${code}): ${stderr.trim()}`)),
    );
  });
}

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
  await tar(['-cf', partial, '-C', uploadsDir, '--', ...entries]);
  await rename(partial, tarFile);
  return true;
}

/** Extracts the sidecar into the uploads folder; files already there with the same name are replaced. */
export async function unpackUploads(tarFile: string, uploadsDir: string): Promise<void> {
  await mkdir(uploadsDir, { recursive: true });
  await tar(['-xf', tarFile, '-C', uploadsDir]);
}
