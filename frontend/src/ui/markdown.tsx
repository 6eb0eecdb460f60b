import { memo } from 'react';
import type { ReactNode } from 'react';
import { renderInline } from './markdown-inline.tsx';
import './markdown.css';

/**
 * A small Markdown renderer that builds React elements, never an HTML string: there is no
 * `dangerouslySetInnerHTML`, so raw HTML in a note is displayed as text and cannot run. It covers
 * what notes use: headings, paragraphs, lists (with task boxes), quotes, code blocks, rules and
 * the inline forms of markdown-inline.tsx, all in linear time (bench/src/markdown.bench.ts). A
 * library would cost more and still need sanitising.
 */
const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
/** Three or more of the same mark and nothing but spaces: tested without the spaces, in linear time. */
const isRule = (line: string) => /^\s*[-*_]/.test(line) && /^([-*_])\1{2,}$/.test(line.replace(/\s+/g, ''));
const FENCE = /^\s*```/;
const TASK = /^\[([ xX])\]\s+(.*)$/;

function listItem(text: string, key: string): ReactNode {
  const task = TASK.exec(text);
  if (!task) return <li key={key}>{renderInline(text, key)}</li>;
  return (
    <li key={key} className="md-task">
      <input type="checkbox" checked={task[1] !== ' '} disabled readOnly /> {renderInline(task[2] ?? '', key)}
    </li>
  );
}

/** Lines joined by line breaks, as people write notes (one thought per line). */
const lines = (texts: string[], key: string) =>
  texts.flatMap((text, i) => [...(i ? [<br key={`${key}.br${i}`} />] : []), ...renderInline(text, `${key}.${i}`)]);

function blocksOf(source: string): ReactNode[] {
  const blocks: ReactNode[] = [];
  const all = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  const take = (test: (line: string) => boolean) => {
    const taken: string[] = [];
    while (i < all.length && test(all[i] ?? '')) taken.push(all[i++] ?? '');
    return taken;
  };
  while (i < all.length) {
    const line = all[i] ?? '';
    const key = `b${i}`;
    const heading = HEADING.exec(line);
    if (!line.trim()) i++;
    else if (FENCE.test(line)) {
      i++;
      const code = take((l) => !FENCE.test(l));
      i++; // the closing fence (or the end)
      blocks.push(
        <pre key={key}>
          <code>{code.join('\n')}</code>
        </pre>,
      );
    } else if (heading) {
      const level = Math.min((heading[1] ?? '#').length + 1, 6);
      const Tag = `h${level}` as 'h2';
      blocks.push(<Tag key={key}>{renderInline(heading[2] ?? '', key)}</Tag>);
      i++;
    } else if (isRule(line)) {
      blocks.push(<hr key={key} />);
      i++;
    } else if (BULLET.test(line)) {
      blocks.push(
        <ul key={key}>{take((l) => BULLET.test(l)).map((l, n) => listItem(BULLET.exec(l)?.[1] ?? '', `${key}.${n}`))}</ul>,
      );
    } else if (NUMBERED.test(line)) {
      blocks.push(
        <ol key={key}>{take((l) => NUMBERED.test(l)).map((l, n) => listItem(NUMBERED.exec(l)?.[1] ?? '', `${key}.${n}`))}</ol>,
      );
    } else if (line.startsWith('>')) {
      const quoted = take((l) => l.startsWith('>')).map((l) => l.replace(/^>\s?/, ''));
      blocks.push(<blockquote key={key}>{lines(quoted, key)}</blockquote>);
    } else {
      const paragraph = take(
        (l) =>
          !!l.trim() &&
          !FENCE.test(l) &&
          !HEADING.test(l) &&
          !BULLET.test(l) &&
          !NUMBERED.test(l) &&
          !l.startsWith('>') &&
          !isRule(l),
      );
      blocks.push(<p key={key}>{lines(paragraph, key)}</p>);
    }
  }
  return blocks;
}

/** Parsed again only when the text changes: a list of notes or a re-render of its page reuses it. */
export const Markdown = memo(function Markdown({ source }: { source: string }) {
  return <div className="markdown">{blocksOf(source)}</div>;
});
