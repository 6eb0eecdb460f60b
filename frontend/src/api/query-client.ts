import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem.ts';

/** One cache for the whole app; live events keep it fresh, so focus refetches are off. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; network and 5xx errors get two more tries.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
    // A write while offline runs, and client.ts refuses it at once with a message (OfflineError).
    // TanStack's default pauses it in memory until the network returns: the form stays pending
    // with no word said, and a reload loses it.
    mutations: { networkMode: 'always' },
  },
});
