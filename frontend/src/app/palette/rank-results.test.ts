import { describe, expect, it } from 'vitest';
import type { PaletteItem } from './commands.ts';
import { contentFirst } from './rank-results.ts';

const entry = (label: string, section: PaletteItem['section'], keywords = ''): PaletteItem => ({
  id: label,
  label,
  section,
  keywords,
  perform: () => undefined,
});
const toggleTheme = entry('Basculer entre thème clair et sombre', 'actions', 'dark light');
const report = entry('Clarté du rapport', 'content', 'Relire la clarté du rapport annuel');

describe('contentFirst', () => {
  it('puts a hit first when it matches the query better than any command', () => {
    // "clarte" is scattered in the command (clair … et), whole in the hit.
    expect(contentFirst([toggleTheme], [report], 'clarte')).toBe(true);
  });

  it('keeps the commands first when one matches better, or as well', () => {
    expect(contentFirst([toggleTheme], [report], 'clair')).toBe(false);
    expect(contentFirst([entry('Rapport', 'actions')], [entry('Rapport', 'content')], 'rapport')).toBe(false);
  });

  it('puts hits first when no command matches at all, and never when there are none', () => {
    expect(contentFirst([], [report], 'annuel')).toBe(true);
    expect(contentFirst([toggleTheme], [], 'clarte')).toBe(false);
  });
});
