import type { SearchHit } from '@panoramix/contracts';
import { plainSnippet } from './plain-snippet.ts';
import './highlighted-text.css';

type Range = SearchHit['highlights'][number];

/**
 * `text` cut into plain and marked parts. Ranges come from the server: they are clamped to the
 * text, sorted, and overlapping ones merged, so a bad range can neither throw nor repeat text.
 */
export function splitHighlights(text: string, ranges: readonly Range[]): { text: string; marked: boolean }[] {
  const clamped = ranges
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(text.length, end) }))
    .filter(({ start, end }) => start < end)
    .sort((a, b) => a.start - b.start);
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const range of clamped) {
    const start = Math.max(range.start, at);
    if (range.end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, range.end), marked: true });
    at = range.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/** Text with its matches in `<mark>`; React escapes every part, so markup in content shows as text. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  return splitHighlights(text, ranges).map((part, index) =>
    part.marked ? (
      <mark key={index} className="highlight">
        {part.text}
      </mark>
    ) : (
      <span key={index}>{part.text}</span>
    ),
  );
}

/** A search hit's snippet: its Markdown shown as plain text, its matches marked. */
export function SnippetText({ hit }: { hit: Pick<SearchHit, 'snippet' | 'highlights'> }) {
  const plain = plainSnippet(hit.snippet, hit.highlights);
  return <HighlightedText text={plain.text} ranges={plain.highlights} />;
}
