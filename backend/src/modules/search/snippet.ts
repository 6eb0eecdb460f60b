import { normalize } from '../../ml/text.ts';

const WIDTH = 180;
const wordChar = /[\p{L}\p{N}]/u;

/** Normalizes code unit by code unit, so an offset in the folded text is the same offset in the original. */
export const fold = (text: string) =>
  Array.from({ length: text.length }, (_, i) => {
    const folded = normalize(text[i]!);
    return folded.length === 1 ? folded : text[i]!;
  }).join('');

/**
 * An excerpt of about WIDTH characters starting a little before the first query word found,
 * with every occurrence of a query word (at a word start, so prefixes typed so far match) marked.
 */
export function snippetOf(text: string, words: readonly string[]) {
  const folded = fold(text);
  const positions = words.map((w) => folded.indexOf(w)).filter((i) => i >= 0);
  const from = positions.length ? Math.max(0, Math.min(...positions) - Math.floor(WIDTH / 4)) : 0;
  const lead = from > 0 ? '…' : '';
  const window = folded.slice(from, from + WIDTH);
  const highlights: { start: number; end: number }[] = [];
  for (const word of words) {
    for (let at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + word.length)) {
      if (at === 0 ? from === 0 || !wordChar.test(folded[from - 1]!) : !wordChar.test(window[at - 1]!)) {
        highlights.push({ start: lead.length + at, end: lead.length + Math.min(at + word.length, window.length) });
      }
    }
  }
  highlights.sort((a, b) => a.start - b.start);
  const snippet = lead + text.slice(from, from + WIDTH) + (from + WIDTH < text.length ? '…' : '');
  return { snippet, highlights };
}
