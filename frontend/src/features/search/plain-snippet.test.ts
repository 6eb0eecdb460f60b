import { describe, expect, it } from 'vitest';
import { plainSnippet } from './plain-snippet.ts';

const marked = (text: string, ranges: { start: number; end: number }[]) => {
  const plain = plainSnippet(text, ranges);
  return { text: plain.text, marked: plain.highlights.map(({ start, end }) => plain.text.slice(start, end)) };
};

describe('plainSnippet', () => {
  it('shows bold, italic, code and links as their text, highlights following', () => {
    const raw = 'Le **plan** de _lancement_ est dans `budget.md`, voir [la note](https://x.test/n) ici';
    expect(
      marked(raw, [
        { start: 5, end: 9 },
        { start: 16, end: 25 },
        { start: 58, end: 62 },
      ]),
    ).toEqual({
      text: 'Le plan de lancement est dans budget.md, voir la note ici',
      marked: ['plan', 'lancement', 'note'],
    });
  });

  it('drops heading and task marks that whitespace collapsing left mid-line, and a leading bullet or quote', () => {
    expect(plainSnippet('## Objectifs - [x] finir ## Suite', []).text).toBe('Objectifs finir Suite');
    expect(plainSnippet('* puce', []).text).toBe('puce');
    expect(plainSnippet('> cité', []).text).toBe('cité');
  });

  it('keeps what only looks like a mark: snake_case, a lone star, 2 * 3', () => {
    expect(plainSnippet('user_id_x vaut 2 * 3, a > b et a*b', []).text).toBe('user_id_x vaut 2 * 3, a > b et a*b');
  });

  it('keeps a highlight inside a removed mark within the text', () => {
    expect(marked('**gras**', [{ start: 0, end: 8 }]).marked).toEqual(['gras']);
  });
});
