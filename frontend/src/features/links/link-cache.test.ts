import type { Link } from '@panoramix/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../api/event-appliers.ts';
import { itemsOf } from '../../api/paged-list.ts';
import type { PagedData } from '../../api/paged-list.ts';
import { edited, pagedData } from '../../test-builders.ts';
import { linkEvents, linkKeys } from './link-cache.ts';

let sequence = 0;
/** A link with sensible defaults; a test overrides only what it is about. */
function aLink(overrides: Partial<Link> = {}): Link {
  sequence += 1;
  const id = sequence.toString(16).padStart(24, '0');
  const at = '2026-11-25T10:00:00.000Z';
  return {
    id,
    userId: 'a'.repeat(24),
    name: `link ${sequence}`,
    url: `https://example.test/${sequence}`,
    clicksCount: 0,
    lastClickedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function cacheWith(items: Link[]) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<PagedData<Link>>(linkKeys.list, pagedData(items));
  const dispatcher = createDispatcher([linkEvents], queryClient);
  const list = () => itemsOf(queryClient.getQueryData<PagedData<Link>>(linkKeys.list));
  return { queryClient, dispatcher, list };
}

describe('link events applied to the query cache', () => {
  it('link.created puts the new link first, once, even when our own mutation already added it', () => {
    const old = aLink();
    const { dispatcher, list } = cacheWith([old]);
    const created = aLink();
    dispatcher.dispatch('link.created', created);
    dispatcher.dispatch('link.created', created);
    expect(list()).toEqual([created, old]);
  });

  it('link.updated replaces the link in place', () => {
    const b = aLink();
    const a = aLink(); // created after b: first, as the server lists them
    const { dispatcher, list } = cacheWith([a, b]);
    const renamed = edited(b, { name: 'renamed' });
    dispatcher.dispatch('link.updated', renamed);
    expect(list()).toEqual([a, renamed]);
  });

  it('link.deleted removes it', () => {
    const [a, b] = [aLink(), aLink()];
    const { dispatcher, list } = cacheWith([a, b]);
    dispatcher.dispatch('link.deleted', { id: a.id });
    expect(list()).toEqual([b]);
  });

  it('leaves an unloaded list alone: it is fetched fresh when the tab opens', () => {
    const queryClient = new QueryClient();
    createDispatcher([linkEvents], queryClient).dispatch('link.created', aLink());
    expect(queryClient.getQueryData(linkKeys.list)).toBeUndefined();
  });
});
