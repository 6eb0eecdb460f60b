/** Lower-case without accents, so "pref" finds "Préférences". */
export const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const isWordStart = (text: string, index: number) => index === 0 || /[\s\-_/:.]/.test(text[index - 1] ?? '');

/**
 * The query as one run of letters, at a word start when it appears at one: the greedy walk below
 * takes each letter's first occurrence, so it scores "clair" in "Basculer … clair" as scattered.
 */
function wholeScore(q: string, t: string): number | null {
  let best: number | null = null;
  for (let index = t.indexOf(q); index !== -1; index = t.indexOf(q, index + 1)) {
    const score = q.length + 3 * (q.length - 1) + (isWordStart(t, index) ? 5 : 0);
    if (best === null || score > best) best = score;
  }
  return best;
}

/**
 * Scores `text` against `query` as an ordered subsequence; null when some letter is missing.
 * Consecutive letters and letters starting a word score more, so "nl" ranks "New link" above
 * "Panel".
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = normalize(query).replace(/\s+/g, '');
  if (!q) return 0;
  const t = normalize(text);
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const letter of q) {
    const index = t.indexOf(letter, from);
    if (index === -1) return null;
    score += 1;
    if (index === previous + 1) score += 3;
    if (isWordStart(t, index)) score += 5;
    previous = index;
    from = index + 1;
  }
  return Math.max(score, wholeScore(q, t) ?? 0) - t.length * 0.01; // among equals, shorter labels first
}

/** The items matching `query`, best first; stable for equal scores. */
export function fuzzyFilter<T>(items: readonly T[], query: string, textOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}
