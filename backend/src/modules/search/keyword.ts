import { escapeRegex } from '../../lib/text.ts';
import { SearchEntryModel } from '../../ml/index/entries.ts';
import type { SearchEntryDoc } from '../../ml/index/entries.ts';

const CANDIDATES = 200;

/**
 * Entries holding every query word as a token prefix ("bud" finds "budget" while typing),
 * inside the caller's scopes, best first: more words in the title, then whole-word matches,
 * then the most recent. Ranked here, not by the database (FerretDB does not push sorts down).
 */
export async function keywordMatches(filter: { scopes: string[]; kinds?: readonly string[] | undefined }, words: string[]) {
  if (words.length === 0 || filter.scopes.length === 0) return [];
  const entries = await SearchEntryModel.find({
    scope: { $in: filter.scopes },
    ...(filter.kinds?.length ? { kind: { $in: filter.kinds } } : {}),
    $and: words.map((word) => ({ tokens: { $regex: `^${escapeRegex(word)}` } })),
  })
    .limit(CANDIDATES)
    .lean<SearchEntryDoc[]>();
  const rank = (entry: SearchEntryDoc) => {
    const title = entry.title.toLowerCase();
    const inTitle = words.filter((w) => title.includes(w)).length;
    const whole = words.filter((w) => entry.tokens.includes(w)).length;
    return inTitle * 1000 + whole * 100 + entry.updatedAt.getTime() / 1e13;
  };
  return entries
    .map((entry) => ({ entry, rank: rank(entry) }))
    .sort((a, b) => b.rank - a.rank)
    .map((r) => r.entry);
}
