import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HighlightedText, splitHighlights } from './highlighted-text.tsx';

describe('splitHighlights', () => {
  it('cuts the text into plain and marked parts', () => {
    expect(
      splitHighlights('plan du lancement', [
        { start: 0, end: 4 },
        { start: 8, end: 13 },
      ]),
    ).toEqual([
      { text: 'plan', marked: true },
      { text: ' du ', marked: false },
      { text: 'lance', marked: true },
      { text: 'ment', marked: false },
    ]);
  });

  it('survives unsorted, overlapping and out-of-range ranges without repeating text', () => {
    const parts = splitHighlights('abcdef', [
      { start: 3, end: 99 },
      { start: -2, end: 2 },
      { start: 1, end: 4 },
      { start: 5, end: 5 },
    ]);
    expect(parts).toEqual([
      { text: 'ab', marked: true },
      { text: 'cd', marked: true },
      { text: 'ef', marked: true },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('abcdef');
  });
});

describe('HighlightedText', () => {
  it('marks the ranges', () => {
    const { container } = render(<HighlightedText text="Réunion budget" ranges={[{ start: 8, end: 14 }]} />);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['budget']);
    expect(container.textContent).toBe('Réunion budget');
  });

  it('shows markup from content as text, never as HTML', () => {
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const { container } = render(<HighlightedText text={text} ranges={[{ start: 8, end: 13 }]} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(text);
    expect(container.querySelector('mark')?.textContent).toBe('alert');
  });
});
