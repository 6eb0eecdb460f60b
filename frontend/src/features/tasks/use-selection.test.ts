import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSelection } from './use-selection.ts';

const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));

describe('useSelection', () => {
  it('Shift selects the range from the row picked last, in the order shown, either way', () => {
    const { result } = renderHook(() => useSelection(items));
    act(() => result.current.select('b', true, false));
    act(() => result.current.select('d', true, true));
    expect(result.current.selected).toEqual(['b', 'c', 'd']);
    act(() => result.current.select('a', false, true)); // back up, unticking
    expect(result.current.selected).toEqual([]);
  });

  it('keeps only rows still listed', () => {
    const { result, rerender } = renderHook(({ list }) => useSelection(list), { initialProps: { list: items } });
    act(() => result.current.selectAll(true));
    rerender({ list: items.slice(2) });
    expect(result.current.selected).toEqual(['c', 'd', 'e']);
  });
});
