import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { buildHit } from './search-builders.ts';
import type { SearchRequest, SearchResults } from './use-search.ts';
import { useSearch } from './use-search.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const answer = (q: string): SearchResults => ({ items: [buildHit({ title: q })], semantic: true });
const sentQueries = () => vi.mocked(call).mock.calls.map(([, input]) => (input as { query: { q: string } }).query.q);
const signals = () => vi.mocked(call).mock.calls.map(([, input]) => (input as { signal: AbortSignal }).signal);
const settle = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('useSearch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.mocked(call).mockReset();
    vi.mocked(call).mockImplementation((_, input) => {
      const { query } = input as { query: { q: string } };
      return new Promise((resolve) => setTimeout(() => resolve(answer(query.q)), 50)) as never;
    });
  });
  afterEach(() => vi.useRealTimers());

  const render = (q: string, options?: { minLength?: number }) =>
    renderHook((request: SearchRequest) => useSearch(request, options), { initialProps: { q } });

  it('asks once, 200 ms after the last key', async () => {
    const { result, rerender } = render('p');
    for (const q of ['pl', 'pla', 'plan']) {
      await settle(100);
      rerender({ q });
    }
    expect(call).not.toHaveBeenCalled();
    expect(result.current.status).toBe('loading');
    await settle(199);
    expect(call).not.toHaveBeenCalled();
    await settle(1);
    expect(sentQueries()).toEqual(['plan']);
    await settle(50);
    expect(result.current.status).toBe('success');
    expect(result.current.results?.items[0]?.title).toBe('plan');
  });

  it('aborts the request in flight when the query changes, and never shows its late answer', async () => {
    const { result, rerender } = render('budget');
    await settle(220); // sent, answer due at 250
    rerender({ q: 'budget 2025' });
    expect(signals()[0]?.aborted).toBe(true);
    await settle(40); // the stale answer arrives: ignored
    expect(result.current.results).toBeUndefined();
    await settle(300);
    expect(sentQueries()).toEqual(['budget', 'budget 2025']);
    expect(result.current.results?.items[0]?.title).toBe('budget 2025');
  });

  it('keeps the last results while the next query loads', async () => {
    const { result, rerender } = render('note');
    await settle(300);
    rerender({ q: 'notes' });
    expect(result.current.status).toBe('loading');
    expect(result.current.results?.items[0]?.title).toBe('note');
  });

  it('stays idle below the minimum length, and forgets results when the query is cleared', async () => {
    const { result, rerender } = render('a', { minLength: 2 });
    await settle(500);
    expect(call).not.toHaveBeenCalled();
    expect(result.current.status).toBe('idle');
    rerender({ q: 'ab' });
    await settle(300);
    expect(result.current.status).toBe('success');
    rerender({ q: '  ' });
    expect(result.current.status).toBe('idle');
    expect(result.current.results).toBeUndefined();
  });

  it('reports a failure, and tries again on retry', async () => {
    vi.mocked(call).mockRejectedValueOnce(new Error('down'));
    const { result } = render('plan');
    await settle(300);
    expect(result.current.status).toBe('error');
    act(() => result.current.retry());
    await settle(300);
    expect(result.current.status).toBe('success');
    expect(sentQueries()).toEqual(['plan', 'plan']);
  });
});
