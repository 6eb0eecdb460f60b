import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { leaves } from './leaves.ts';

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
