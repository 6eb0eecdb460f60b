import type { PersonRecord } from '@panoramix/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from './client.ts';

const SHOWN = 6;

/**
 * The people an `@` offers, by the Personnes search (accent- and case-blind); `null` while no `@`
 * is being typed. Under the `people` key, so the Personnes tab's refetches cover it.
 */
export function usePeopleToMention(query: string | null) {
  return useQuery<PersonRecord[]>({
    queryKey: ['people', 'mention', query ?? ''],
    queryFn: ({ signal }) =>
      call(routes.people.list, { query: { ...(query ? { q: query } : {}), limit: SHOWN }, signal }).then((page) => page.items),
    enabled: query !== null,
    // The previous answer stays while the next letters are searched.
    placeholderData: keepPreviousData,
  });
}
