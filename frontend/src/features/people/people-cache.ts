import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';

export const peopleKeys = {
  all: ['people'] as const,
  list: (filter: object) => ['people', 'list', filter] as const,
  tree: ['people', 'tree'] as const,
  teams: ['teams'] as const,
};

/**
 * A list is filtered and sorted on the server, so a change refetches what is open rather than
 * guessing where a row goes. An import announces each person: the refetches of one burst are
 * gathered into one, a moment after the last event.
 */
function refetchSoon(key: readonly string[]) {
  const timers = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>();
  return (queryClient: QueryClient) => {
    clearTimeout(timers.get(queryClient));
    timers.set(
      queryClient,
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: key }), 150),
    );
  };
}

const people = refetchSoon(peopleKeys.all);
const teams = refetchSoon(peopleKeys.teams);
const both = (queryClient: QueryClient) => {
  people(queryClient);
  teams(queryClient); // member counts
};

/** Live changes from other tabs and devices of the same user. */
export const peopleEvents: EventAppliers = {
  'person.created': both,
  'person.updated': both,
  'person.deleted': both,
  'team.created': teams,
  'team.updated': both,
  'team.deleted': both,
};
