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
  },
});
