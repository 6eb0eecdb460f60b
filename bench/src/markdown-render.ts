// Child of markdown.bench.ts: renders adversarial Markdown with the web client's renderer (which
// needs the web client's JSX settings, hence a process of its own) and prints each time against
// the budget. Exits 1 when a case is over it.
import { register } from 'node:module';
import { createElement, Fragment } from 'react';
import type { FunctionComponent, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

// Vite bundles the renderer's stylesheet: here it is an empty module. The in-app router (a mention
// chip's click) reads the browser's location as it loads: here there is none, and no click.
const stubs = `export async function load(url, context, next) {
  if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true };
  if (url.endsWith('/lib/location.ts')) return { format: 'module', source: 'export const navigate = () => {};', shortCircuit: true };
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(stubs)}`);
// Loaded by address, so this package's type check (Node, no DOM) leaves the web client's files to
// the web client's own (frontend/tsconfig.json); these are the two signatures used here.
const web = (file: string) => import(new URL(`../../frontend/src/ui/${file}`, import.meta.url).href);
const { Markdown } = (await web('markdown.tsx')) as { Markdown: FunctionComponent<{ source: string }> };
const { renderInline } = (await web('markdown-inline.tsx')) as { renderInline: (text: string) => ReactNode[] };

const CHARS = Number(process.env.BENCH_MARKDOWN_CHARS ?? 100_000);
const BUDGET_MS = Number(process.env.BENCH_MARKDOWN_BUDGET_MS ?? 100);

const fill = (unit: string, prefix = '') => (prefix + unit.repeat(Math.ceil(CHARS / unit.length))).slice(0, CHARS);
const cases: Record<string, string> = {
  backticks: fill('`', 'x '),
  'backtick runs 1..n': fill(Array.from({ length: 40 }, (_, i) => '`'.repeat(i + 1)).join(' '), 'x '),
  asterisks: fill('*', 'x '),
  'spaced asterisks': fill(' *', 'x'),
  'unclosed bold': fill('**a '),
  underscores: fill('_', 'x '),
  'nested underscores': `x ${'(_a'.repeat(CHARS / 6)}${'_'.repeat(CHARS / 2)})`,
  brackets: fill('[', 'x '),
  'unclosed links': fill('[a]('),
  'bare addresses': fill('http://.'),
  mixed: fill('**a __b ~~c [d](e `f <http:// _g *h ``i ['),
  'mixed lines': fill('- - - - x\n* * *\n> `a\n# **b\n1. [c](\n'),
  'one rule-like line': fill('-\t', '-\t').replace(/.$/, 'x'),
};

// The pattern this renderer replaced, kept here only to print the figure it was replaced for.
const BEFORE =
  /(`+)([\s\S]*?[^`])\1(?!`)|\*\*([\s\S]+?)\*\*|__([\s\S]+?)__|~~([\s\S]+?)~~|\*(?!\s)([\s\S]+?)\*|\b_(?!\s)([\s\S]+?)_\b|\[([^\]\n]+)\]\(([^)\s]+)\)|<((?:https?:\/\/|mailto:)[^\s>]+)>|(https?:\/\/[^\s<]*[^\s<.,;:!?'")\]])/;

const time = (run: () => unknown) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};
// The machine is shared: the best of five runs, after one to warm the JIT up, is the renderer's own time.
const best = (run: () => unknown) => (run(), Math.min(...Array.from({ length: 5 }, () => time(run))));

const rows = Object.entries(cases).flatMap(([name, text]) => [
  {
    renderer: 'Markdown (notes)',
    input: name,
    chars: text.length,
    ms: best(() => renderToStaticMarkup(createElement(Markdown, { source: text }))),
  },
  {
    renderer: 'inline (chat)',
    input: name,
    chars: text.length,
    ms: best(() => renderToStaticMarkup(createElement(Fragment, null, renderInline(text)))),
  },
]);
console.log(`\nMarkdown rendering of ${CHARS} characters of adversarial input, budget ${BUDGET_MS} ms (best of 5)`);
console.table(rows.map((r) => ({ ...r, ms: r.ms.toFixed(1), 'within budget': r.ms <= BUDGET_MS ? 'yes' : 'NO' })));
const before = '`'.repeat(4000);
console.log(
  `before: the replaced pattern on ${before.length} backticks: ${time(() => BEFORE.exec(before)).toFixed(0)} ms;`,
  `now: ${best(() => renderInline(before)).toFixed(1)} ms`,
);
process.exitCode = rows.every((r) => r.ms <= BUDGET_MS) ? 0 : 1;
