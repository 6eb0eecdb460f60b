import type { PaletteItem } from './commands.ts';
import { fuzzyScore } from './fuzzy.ts';

/** What the palette matches an entry on: its label, then its hidden words (a hit's snippet). */
export const matchText = (item: PaletteItem) => `${item.label} ${item.keywords}`;

const best = (items: readonly PaletteItem[], query: string) =>
  Math.max(-Infinity, ...items.map((item) => fuzzyScore(query, matchText(item)) ?? -Infinity));

/**
 * Whether the content hits are listed (and walked with ↑/↓) before the commands: when the best hit
 * matches the query better than the best command, so "réunion budget" opens the note, not a command
 * whose letters happen to be scattered in that order. On a tie the commands stay first.
 */
export function contentFirst(commands: readonly PaletteItem[], content: readonly PaletteItem[], query: string): boolean {
  return content.length > 0 && best(content, query) > best(commands, query);
}
