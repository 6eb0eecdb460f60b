import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { budgetEvents, budgetKeys } from './budget-cache.ts';

afterEach(() => vi.useRealTimers());

describe('budget live events', () => {
  it('refetch the open lists and summaries once for a burst of changes', () => {
    vi.useFakeTimers();
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    budgetEvents['budgetLine.updated']!(queryClient, {} as never);
    budgetEvents['budgetLine.created']!(queryClient, {} as never);
    budgetEvents['budgetLines.changed']!(queryClient, { reason: 'import', count: 40 });
    expect(invalidate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(invalidate.mock.calls).toEqual([[{ queryKey: budgetKeys.all }]]);
  });
});
