import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';

/** Every leaf as `a.b.c` → text. */
const leaves = (tree: object, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`),
  );

describe('translations', () => {
  it('have the same keys in French and English', () => {
    expect(leaves(en).map(([key]) => key)).toEqual(leaves(fr).map(([key]) => key));
  });

  it('have no empty text', () => {
    for (const [key, text] of [...leaves(fr), ...leaves(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('keep the same interpolation variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const english = new Map(leaves(en));
    for (const [key, text] of leaves(fr)) expect(variables(english.get(key) ?? ''), key).toEqual(variables(text));
  });
});
