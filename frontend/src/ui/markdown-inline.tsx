import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../lib/location.ts';

/** A plain click follows the path in the app; Ctrl/⌘-click or a middle click still opens a tab. */
const openInApp = (to: string) => (event: MouseEvent) => {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(to);
};

/**
 * Only these targets become links: web, mail, same-app paths and anchors. Anything else —
 * `javascript:`, `data:`, `vbscript:`, schemes hidden behind whitespace or entities — stays text.
 */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(trimmed) || /^\/(?!\/)|^#/.test(trimmed) ? trimmed : undefined;
}

/** `[@Élodie Dupont](/people?open=<id>)`, as the notes and tasks editors insert a mention. */
const MENTION = /^\/people\?open=[0-9a-f]{24}$/;

function link(href: string, label: ReactNode, key: string): ReactNode {
  const safe = safeHref(href);
  if (!safe) return <span key={key}>{label}</span>;
  // A mention opens the person here, in the app: a chip, not a new tab.
  if (MENTION.test(safe))
    return (
      <a key={key} href={safe} className="mention-chip" onClick={openInApp(safe)}>
        {label}
      </a>
    );
  return (
    <a key={key} href={safe} target="_blank" rel="noopener noreferrer nofollow">
      {label}
    </a>
  );
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);
/** A word character as `\b` sees it; the ends of the text are not. */
const isWord = (char: string | undefined) => char !== undefined && /\w/.test(char);
/** A bare address does not swallow the punctuation that ends its sentence. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', ')', ']']);

type Delimiter = '**' | '*' | '__' | '_' | '~~' | ']' | ')' | '>' | '<';

/** A form found in the text; `to` is where the text after it starts. Data, not closures: cheap per match. */
type Found =
  | { to: number; tag: 'strong' | 'em' | 's'; from: number; until: number }
  | { to: number; tag: 'code'; content: string }
  | { to: number; tag: 'a'; href: string; from: number; until: number }
  | { to: number; tag: 'url'; url: string };

/**
 * A linear-time scanner for the inline forms (code, bold, italic, strike, links, autolinks, bare
 * URLs). The text is untrusted (anyone in a room can send it), so no backtracking pattern runs on
 * it: code spans are paired in one pass, and each closing delimiter is found through a table of
 * "next occurrence from here", built in one right-to-left pass, so a failed opener costs O(1)
 * instead of a scan to the end. Nesting is bounded (a form's content never holds its own closer),
 * so each character is visited a bounded number of times. Measured by bench/src/markdown.bench.ts.
 */
class InlineScanner {
  /** Opening backtick run → start of its closing run (CommonMark: the next run of the same length). */
  private readonly codeClose = new Map<number, number>();
  /** 1 for characters inside a code span (its backticks included): no delimiter there counts. */
  private readonly inCode: Uint8Array;
  /** Most lines have no backtick: they share one empty mask instead of allocating their own. */
  private static readonly noCode = new Uint8Array(0);
  private readonly next = new Map<Delimiter, Int32Array>();

  constructor(private readonly text: string) {
    this.inCode = text.includes('`') ? new Uint8Array(text.length) : InlineScanner.noCode;
    if (this.inCode.length > 0) this.pairCodeSpans();
  }

  private pairCodeSpans() {
    const { text } = this;
    const starts: number[] = [];
    const sizes: number[] = [];
    for (let i = 0; i < text.length;) {
      if (text[i] !== '`') {
        i++;
        continue;
      }
      const start = i;
      while (text[i] === '`') i++;
      starts.push(start);
      sizes.push(i - start);
    }
    // For each run, the next run of the same length (right to left, one pass).
    const sameAfter = new Int32Array(starts.length).fill(-1);
    const lastOfSize = new Map<number, number>();
    for (let r = starts.length - 1; r >= 0; r--) {
      const size = sizes[r] ?? 0;
      sameAfter[r] = lastOfSize.get(size) ?? -1;
      lastOfSize.set(size, r);
    }
    // Left to right: a run that finds its partner opens a span and everything up to the partner is
    // code; a run without one is literal backticks.
    for (let r = 0; r < starts.length;) {
      const partner = sameAfter[r] ?? -1;
      if (partner < 0) {
        r++;
        continue;
      }
      const open = starts[r] ?? 0;
      const close = starts[partner] ?? 0;
      this.codeClose.set(open, close);
      this.inCode.fill(1, open, close + (sizes[partner] ?? 0));
      r = partner + 1;
    }
  }

  private matches(kind: Delimiter, j: number): boolean {
    const { text, inCode } = this;
    switch (kind) {
      case '**':
      case '__':
      case '~~':
        return text[j] === kind[0] && text[j + 1] === kind[0] && inCode[j] !== 1 && inCode[j + 1] !== 1;
      case '*':
        return text[j] === '*' && inCode[j] !== 1;
      case '_': // a closing underscore ends a word
        return text[j] === '_' && inCode[j] !== 1 && !isWord(text[j + 1]);
      case ']': // a link label stays on its line
        return (text[j] === ']' && inCode[j] !== 1) || text[j] === '\n';
      case ')':
        return text[j] === ')' || isSpace(text[j]);
      case '>':
        return text[j] === '>' || isSpace(text[j]);
      case '<':
        return text[j] === '<' || isSpace(text[j]);
    }
  }

  /** The first index ≥ from where `kind` occurs, or the text's length. */
  private find(kind: Delimiter, from: number): number {
    let table = this.next.get(kind);
    if (!table) {
      const { length } = this.text;
      table = new Int32Array(length + 1).fill(length);
      for (let j = length - 1; j >= 0; j--) table[j] = this.matches(kind, j) ? j : (table[j + 1] ?? length);
      this.next.set(kind, table);
    }
    return from >= table.length ? this.text.length : (table[from] ?? this.text.length);
  }

  /** `open`content`close` rendered as `Tag`, the content parsed again; content is never empty. */
  private wrapped(
    p: number,
    end: number,
    open: number,
    close: number,
    closeSize: number,
    tag: 'strong' | 'em' | 's',
  ): Found | undefined {
    return close + closeSize > end ? undefined : { to: close + closeSize, tag, from: p + open, until: close };
  }

  private code(p: number, end: number): Found | number {
    const { text } = this;
    let after = p;
    while (text[after] === '`') after++;
    const close = this.codeClose.get(p);
    const size = after - p;
    if (close === undefined || close + size > end) return after; // unmatched: the whole run is text
    // CommonMark: line endings read as spaces; one space is stripped from each side when both are.
    let content = text.slice(after, close).replace(/\n/g, ' ');
    if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content))
      content = content.slice(1, -1);
    return { to: close + size, tag: 'code', content };
  }

  private link(p: number, end: number): Found | undefined {
    const { text } = this;
    const labelEnd = this.find(']', p + 1);
    if (labelEnd >= end || labelEnd === p + 1 || text[labelEnd] !== ']' || text[labelEnd + 1] !== '(') return undefined;
    const hrefEnd = this.find(')', labelEnd + 2);
    if (hrefEnd >= end || hrefEnd === labelEnd + 2 || text[hrefEnd] !== ')') return undefined;
    return { to: hrefEnd + 1, tag: 'a', href: text.slice(labelEnd + 2, hrefEnd), from: p + 1, until: labelEnd };
  }

  private autolink(p: number, end: number): Found | undefined {
    const { text } = this;
    const scheme = ['http://', 'https://', 'mailto:'].find((s) => text.startsWith(s, p + 1));
    if (!scheme) return undefined;
    const close = this.find('>', p + 1);
    if (close >= end || text[close] !== '>' || close === p + 1 + scheme.length) return undefined;
    return { to: close + 1, tag: 'url', url: text.slice(p + 1, close) };
  }

  private bareUrl(p: number, end: number): Found | undefined {
    const { text } = this;
    const scheme = ['http://', 'https://'].find((s) => text.startsWith(s, p));
    if (!scheme) return undefined;
    let to = Math.min(this.find('<', p), end);
    // Only reached once per run: a failure here means no later address starts in the same run.
    while (to > p + scheme.length && TRAILING.has(text[to - 1] ?? '')) to--;
    if (to === p + scheme.length) return undefined;
    return { to, tag: 'url', url: text.slice(p, to) };
  }

  /** The form starting at p, or undefined (then p is plain text), or where an unmatched run ends. */
  private formAt(p: number, start: number, end: number): Found | number | undefined {
    const { text } = this;
    switch (text[p]) {
      case '`':
        return this.code(p, end);
      case '*':
        return (
          (text[p + 1] === '*' ? this.wrapped(p, end, 2, this.find('**', p + 3), 2, 'strong') : undefined) ??
          (isSpace(text[p + 1]) ? undefined : this.wrapped(p, end, 1, this.find('*', p + 2), 1, 'em'))
        );
      case '_':
        return (
          (text[p + 1] === '_' ? this.wrapped(p, end, 2, this.find('__', p + 3), 2, 'strong') : undefined) ??
          this.underscore(p, start, end)
        );
      case '~':
        return text[p + 1] === '~' ? this.wrapped(p, end, 2, this.find('~~', p + 3), 2, 's') : undefined;
      case '[':
        return this.link(p, end);
      case '<':
        return this.autolink(p, end);
      case 'h':
        return this.bareUrl(p, end);
      default:
        return undefined;
    }
  }

  private element(found: Found, key: string): ReactNode {
    switch (found.tag) {
      case 'code':
        return <code key={key}>{found.content}</code>;
      case 'url':
        return link(found.url, found.url, key);
      case 'a':
        return link(found.href, this.render(found.from, found.until, key), key);
      default: {
        const Tag = found.tag;
        return <Tag key={key}>{this.render(found.from, found.until, key)}</Tag>;
      }
    }
  }

  /**
   * `_em_` between word boundaries. The closer must end a word in the whole text, not just in the
   * parsed range: otherwise `(_a(_a(_a…___)` would nest one level per opener, in quadratic time.
   */
  private underscore(p: number, start: number, end: number): Found | undefined {
    const { text } = this;
    if ((p > start && isWord(text[p - 1])) || isSpace(text[p + 1])) return undefined;
    return this.wrapped(p, end, 1, this.find('_', p + 2), 1, 'em');
  }

  /** The range [start, end) as text and elements; plain text between forms stays one string. */
  render(start: number, end: number, key: string): ReactNode[] {
    const out: ReactNode[] = [];
    let plain = start;
    let n = 0;
    for (let p = start; p < end;) {
      const found = this.formAt(p, start, end);
      if (found === undefined || typeof found === 'number') {
        p = found ?? p + 1;
        continue;
      }
      if (p > plain) out.push(this.text.slice(plain, p));
      out.push(this.element(found, `${key}.${n++}`));
      p = plain = found.to;
    }
    if (plain < end) out.push(this.text.slice(plain, end));
    return out;
  }
}

/**
 * Inline Markdown (code, bold, italic, strike, links, bare URLs) as React elements. Text is
 * never parsed as HTML: React escapes it, so `<script>` in a note is shown, not run.
 */
export function renderInline(text: string, key = 'i'): ReactNode[] {
  return new InlineScanner(text).render(0, text.length, key);
}
