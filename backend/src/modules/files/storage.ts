import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Only these display in the browser; anything else (HTML and SVG above all) is a download. */
const INLINE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'application/pdf',
  'text/plain',
]);

/**
 * A file system names a file in at most 255 bytes (ext4's NAME_MAX). Sanitized names are ASCII, one
 * byte a character, so two parts of 100 around the 20 of the random id stay under it whatever the
 * original; the end is kept, where the extension is. The document keeps the full original name.
 */
const NAME_PART_MAX = 100;
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(-NAME_PART_MAX);

/**
 * Bytes on disk under `uploadsDir/<userId>/`, the layout the export packs per user. Stored names
 * follow Panorama's `<name>__<randomId>__<original name>` (sanitized), so imported files keep theirs.
 */
export function createFileStorage(uploadsDir: string) {
  const folderOf = (userId: string) => path.join(uploadsDir, userId);
  // basename: a stored name from an imported archive must not reach outside the owner's folder;
  // '', '.' and '..' would name a folder, so they stand for a file that is not there.
  const pathOf = (file: { userId: unknown; storedFileName: string }) => {
    const name = path.basename(file.storedFileName);
    return path.join(folderOf(String(file.userId)), ['', '.', '..'].includes(name) ? 'missing' : name);
  };

  /** Moves a received upload into place under a new stored name. */
  async function keep(userId: string, received: string, name: string, originalName: string) {
    const storedFileName = `${safeName(name)}__${randomBytes(8).toString('hex')}__${safeName(originalName)}`;
    await mkdir(folderOf(userId), { recursive: true });
    await rename(received, path.join(folderOf(userId), storedFileName));
    return storedFileName;
  }

  /** Deletes bytes; a file already gone is fine (a retried cascade). */
  const discard = (files: { userId: unknown; storedFileName: string }[]) =>
    Promise.all(files.map((file) => rm(pathOf(file), { force: true })));

  return { folderOf, pathOf, keep, discard };
}

export type FileStorage = ReturnType<typeof createFileStorage>;

/** RFC 6266 with RFC 5987's `filename*`, plus an ASCII fallback for old clients. */
export function contentDisposition(type: 'inline' | 'attachment', name: string) {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Headers of a download: a safe type inline, anything else an opaque attachment that never runs. */
export function deliveryHeaders(file: { mimeType: string; originalName: string; size: number }) {
  const inline = INLINE_TYPES.has(file.mimeType);
  return {
    'Content-Type': inline
      ? file.mimeType === 'text/plain'
        ? 'text/plain; charset=utf-8'
        : file.mimeType
      : 'application/octet-stream',
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.originalName),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox",
    'Cache-Control': 'private, no-cache',
  };
}
