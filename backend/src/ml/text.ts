import { createHash } from 'node:crypto';

/** Lowercase, accents stripped, so "Réunion" and "reunion" meet in both indexes. */
export const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Words of two characters or more, normalized; the unit of the keyword index and of the hashing embedder. */
export const tokenize = (text: string) => normalize(text).match(/[\p{L}\p{N}]{2,}/gu) ?? [];

export const collapseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Qdrant point id, as Panorama made them: SHA-1 of `kind:id` (chunks: `kind:id#i`), first 32 hex
 * digits as a UUID. Deterministic, so re-indexing overwrites instead of duplicating.
 */
export function pointId(kind: string, id: string, chunk?: number): string {
  const hex = createHash('sha1')
    .update(chunk === undefined ? `${kind}:${id}` : `${kind}:${id}#${chunk}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const MAX = 1200;
const OVERLAP = 150;
const TINY = 400;

/** Splits an over-long paragraph into pieces of at most MAX characters that overlap. */
function splitLong(paragraph: string): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < paragraph.length; start += MAX - OVERLAP) {
    pieces.push(paragraph.slice(start, start + MAX));
    if (start + MAX >= paragraph.length) break;
  }
  return pieces;
}

/**
 * Panorama's chunking: paragraphs packed up to MAX characters, each chunk carrying the last
 * OVERLAP characters of the previous one, and a tiny last chunk merged back when it fits.
 * Short text stays one chunk.
 */
export function chunkText(text: string): string[] {
  if (text.length <= MAX) return [text];
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => (p.length > MAX ? splitLong(p) : [p]));
  const chunks: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    if (current && current.length + paragraph.length + 2 > MAX) {
      chunks.push(current);
      current = `${current.slice(-OVERLAP)}\n\n${paragraph}`;
    } else current = current ? `${current}\n\n${paragraph}` : paragraph;
  }
  const last = chunks.at(-1);
  if (last !== undefined && current.length < TINY && last.length + current.length <= MAX + TINY) {
    chunks[chunks.length - 1] = `${last}\n\n${current}`;
  } else if (current) chunks.push(current);
  return chunks;
}
