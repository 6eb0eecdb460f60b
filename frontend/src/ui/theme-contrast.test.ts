import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const css = readFileSync(path.join(import.meta.dirname, 'theme.css'), 'utf8');

/** The colour variables of one theme block of theme.css. */
function palette(selector: string): Record<string, string> {
  const block = css.slice(css.indexOf(selector)).split('}')[0] ?? '';
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!]));
}

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** [foreground, background, minimum]: 4.5 for text (WCAG AA), 3 for control borders. */
const pairs: [string, string, number][] = [
  ['text', 'bg', 4.5],
  ['text', 'surface', 4.5],
  ['text-muted', 'bg', 4.5],
  ['text-muted', 'surface', 4.5],
  ['text-muted', 'surface-hover', 4.5],
  ['accent', 'bg', 4.5],
  ['accent', 'accent-soft', 4.5],
  ['accent-text', 'accent', 4.5],
  ['danger', 'danger-soft', 4.5],
  ['danger', 'surface-raised', 4.5],
  ['bg', 'text', 4.5], // toasts
  ['border-strong', 'surface-raised', 3],
  ['border-strong', 'surface', 3],
];

describe.each([["[data-theme='light']"], ["[data-theme='dark']"]])('theme %s', (selector) => {
  const colours = palette(selector);
  it.each(pairs)('%s on %s reaches %d:1', (fg, bg, minimum) => {
    expect(contrast(colours[fg]!, colours[bg]!)).toBeGreaterThanOrEqual(minimum);
  });
});
