import type { ReactNode } from 'react';

/**
 * Only these targets become links: web, mail, same-app paths and anchors. Anything else —
 * `javascript:`, `data:`, `vbscript:`, schemes hidden behind whitespace or entities — stays text.
 */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(trimmed) || /^\/(?!\/)|^#/.test(trimmed) ? trimmed : undefined;
}

// One alternative per inline form; the earliest match wins, what precedes it is plain text.
const INLINE =
  /(`+)([\s\S]*?[^`])\1(?!`)|\*\*([\s\S]+?)\*\*|__([\s\S]+?)__|~~([\s\S]+?)~~|\*(?!\s)([\s\S]+?)\*|\b_(?!\s)([\s\S]+?)_\b|\[([^\]\n]+)\]\(([^)\s]+)\)|<((?:https?:\/\/|mailto:)[^\s>]+)>|(https?:\/\/[^\s<]*[^\s<.,;:!?'")\]])/;

function link(href: string, label: ReactNode, key: string): ReactNode {
  const safe = safeHref(href);
  if (!safe) return <span key={key}>{label}</span>;
  return (
    <a key={key} href={safe} target="_blank" rel="noopener noreferrer nofollow">
      {label}
    </a>
  );
}

/**
 * Inline Markdown (code, bold, italic, strike, links, bare URLs) as React elements. Text is
 * never parsed as HTML: React escapes it, so `<script>` in a note is shown, not run.
 */
export function renderInline(text: string, key = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let n = 0;
  for (let match = INLINE.exec(rest); match; match = INLINE.exec(rest)) {
    if (match.index > 0) out.push(rest.slice(0, match.index));
    const k = `${key}.${n++}`;
    const [whole, , code, bold1, bold2, strike, em1, em2, label, href, auto, bare] = match;
    if (code !== undefined) out.push(<code key={k}>{code}</code>);
    else if (bold1 !== undefined || bold2 !== undefined)
      out.push(<strong key={k}>{renderInline(bold1 ?? bold2 ?? '', k)}</strong>);
    else if (strike !== undefined) out.push(<s key={k}>{renderInline(strike, k)}</s>);
    else if (em1 !== undefined || em2 !== undefined) out.push(<em key={k}>{renderInline(em1 ?? em2 ?? '', k)}</em>);
    else if (label !== undefined && href !== undefined) out.push(link(href, renderInline(label, k), k));
    else out.push(link(auto ?? bare ?? whole, auto ?? bare ?? whole, k));
    rest = rest.slice(match.index + whole.length);
  }
  if (rest) out.push(rest);
  return out;
}
