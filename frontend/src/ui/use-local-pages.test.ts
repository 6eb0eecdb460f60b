import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLocalPages } from './use-local-pages.ts';

const items = Array.from({ length: 5 }, (_, i) => i);

describe('a local list shown a page at a time', () => {
  it('shows one page, the next on "Charger plus", and starts again at one page for another view', () => {
    const { result, rerender } = renderHook(({ view }) => useLocalPages(items, view, 2), { initialProps: { view: 'open' } });
    expect(result.current.shown).toEqual([0, 1]);
    act(() => result.current.more.load());
    act(() => result.current.more.load());
    expect(result.current.shown).toEqual([0, 1, 2, 3, 4]);
    expect(result.current.more.available).toBe(false);
    rerender({ view: 'all' });
    expect(result.current.shown).toEqual([0, 1]);
    expect(result.current.more.available).toBe(true);
  });
});
