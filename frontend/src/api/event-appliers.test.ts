import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from './event-appliers.ts';

describe('createDispatcher', () => {
  it('subscribes to the union of event types and calls every applier of a type', () => {
    const first = vi.fn();
    const second = vi.fn();
    const dispatcher = createDispatcher(
      [{ 'link.deleted': first }, { 'link.deleted': second, 'preferences.updated': vi.fn() }],
      new QueryClient(),
    );
    expect(dispatcher.types.sort()).toEqual(['link.deleted', 'preferences.updated']);
    dispatcher.dispatch('link.deleted', { id: 'f'.repeat(24), projectId: null });
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
  });

  it('keeps going when one applier throws', () => {
    const after = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const dispatcher = createDispatcher(
      [
        {
          'link.deleted': () => {
            throw new Error('bug');
          },
        },
        { 'link.deleted': after },
      ],
      new QueryClient(),
    );
    dispatcher.dispatch('link.deleted', { id: 'f'.repeat(24), projectId: null });
    expect(after).toHaveBeenCalledOnce();
  });
});
