import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { createFileStorage } from '../files/storage.ts';

const sizeOf = (file: string) =>
  stat(file).then(
    (s) => s.size,
    () => undefined,
  );

/**
 * Copies one file's bytes from Panorama's files folder (matched by `storedFileName`) into our files
 * storage. Bytes already in place with the right size are left alone (a re-run copies nothing);
 * a copy goes through a temporary name, so a run killed mid-copy never leaves a truncated file in place.
 * False when the folder has no such file (or no folder was given): the report lists it.
 */
export async function copyFileBytes(
  options: { filesDir?: string; uploadsDir: string },
  doc: Record<string, unknown>,
): Promise<boolean> {
  if (!options.filesDir) return false;
  const storedFileName = String(doc.storedFileName);
  const source = path.join(options.filesDir, path.basename(storedFileName));
  const size = await sizeOf(source);
  if (size === undefined) return false;
  const target = createFileStorage(options.uploadsDir).pathOf({ userId: doc.userId, storedFileName });
  if ((await sizeOf(target)) === size) return true;
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(source, `${target}.partial`);
  await rename(`${target}.partial`, target);
  return true;
}
