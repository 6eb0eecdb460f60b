import type { SearchHit } from '@panoramix/contracts';

type Range = SearchHit['highlights'][number];

/**
 * Markdown's marks as a snippet shows them (whitespace-collapsed, so block marks sit mid-line): the
 * `open` group is dropped, then the `close` group, or as many characters as `open` at the match's
 * end for a pair (`**bold**`). Snippets are about 180 characters, so these short patterns cost
 * nothing worth a scanner like ui/markdown-inline's.
 */
const marks: readonly { pattern: RegExp; paired: boolean }[] = [
  { pattern: /(?<open>!?\[)[^\]]*(?<close>\]\([^)\s]*\))/g, paired: false }, // [text](url), ![alt](url): the text stays
  { pattern: /(?<open>\*\*|__|~~)(?=\S).*?\S\k<open>/g, paired: true }, // **bold**, __bold__, ~~struck~~
  { pattern: /(?<![\w*])(?<open>\*)(?=[^\s*]).*?[^\s*]\*(?![\w*])/g, paired: true }, // *italic*
  { pattern: /(?<![\w_])(?<open>_)(?=[^\s_]).*?[^\s_]_(?![\w_])/g, paired: true }, // _italic_, never snake_case
  { pattern: /(?<open>`+)[^`]+\k<open>/g, paired: true }, // `code`
  // Headings and task boxes are marks wherever they sit; a quote or bullet only at the start, as mid-line it may be `2 * 3`.
  { pattern: /(?:^|(?<=\s))(?<open>#{1,6} |[-*+] \[[ xX]\] )/g, paired: false },
  { pattern: /^(?<open>> |[-*+] )/g, paired: false },
];

/** For each character of `text`, whether it is a Markdown mark. */
function markMask(text: string): boolean[] {
  const drop = new Array<boolean>(text.length).fill(false);
  const dropAt = (from: number, length: number) => drop.fill(true, from, from + length);
  for (const { pattern, paired } of marks) {
    for (const match of text.matchAll(pattern)) {
      const { open = '', close = paired ? open : '' } = match.groups ?? {};
      dropAt(match.index, open.length);
      dropAt(match.index + match[0].length - close.length, close.length);
    }
  }
  return drop;
}

/**
 * A search snippet as plain text: its Markdown marks (`**`, `_`, `[…](url)`, `#`…) removed and the
 * server's highlight ranges moved onto the text that remains.
 */
export function plainSnippet(text: string, ranges: readonly Range[]): { text: string; highlights: Range[] } {
  const drop = markMask(text);
  // kept[i]: how many characters before i remain, so an offset of the raw text maps onto the plain one.
  const kept = new Array<number>(text.length + 1);
  kept[0] = 0;
  for (let i = 0; i < text.length; i++) kept[i + 1] = (kept[i] ?? 0) + (drop[i] ? 0 : 1);
  const at = (offset: number) => kept[Math.max(0, Math.min(text.length, offset))] ?? 0;
  return {
    text: text.replace(/[^]/g, (char, i: number) => (drop[i] ? '' : char)), // by UTF-16 unit, as the ranges count
    highlights: ranges.map(({ start, end }) => ({ start: at(start), end: at(end) })).filter(({ start, end }) => start < end),
  };
}
