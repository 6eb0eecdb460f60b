import { z } from 'zod';

/**
 * Panorama's archive framing (spec §2.1): gzip of UTF-8 NDJSON; for every collection a
 * `begin` line, one line per document, an `end` line. Documents are plain `JSON.stringify`
 * output: ids as strings, dates as ISO 8601 strings; the reader casts them back by schema.
 */
const marker = z.object({ collection: z.string().min(1), type: z.enum(['begin', 'end']) });
const document = z.object({
  collection: z.string().min(1),
  doc: z.looseObject({ _id: z.union([z.string().min(1), z.number()]) }),
});
export const frame = z.union([marker, document]);
export type Frame = z.infer<typeof frame>;

export const beginLine = (collection: string) => `${JSON.stringify({ collection, type: 'begin' })}\n`;
export const endLine = (collection: string) => `${JSON.stringify({ collection, type: 'end' })}\n`;
export const docLine = (collection: string, doc: unknown) => `${JSON.stringify({ collection, doc })}\n`;

export class ArchiveError extends Error {}

export function parseFrame(line: string, lineNumber: number): Frame {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ArchiveError(`line ${lineNumber}: not JSON`);
  }
  const result = frame.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ArchiveError(`line ${lineNumber}: not an archive line (${issue?.path.join('.') || 'line'}: ${issue?.message})`);
  }
  return result.data;
}

/** `x.ndjson.gz` → `x.files.tar`: the uploaded files travel beside the archive. */
export function sidecarPath(archive: string): string {
  return `${archive.replace(/\.ndjson\.gz$/, '')}.files.tar`;
}
