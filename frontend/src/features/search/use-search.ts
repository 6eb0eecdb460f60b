import type { routes as contractRoutes, RouteResponse, SearchKind } from '@panoramix/contracts';
import { useEffect, useState } from 'react';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';

export type SearchResults = RouteResponse<typeof contractRoutes.search.search>;

export interface SearchRequest {
  q: string;
  kinds?: readonly SearchKind[];
  projectId?: string;
  limit?: number;
}

export interface SearchState {
  status: 'idle' | 'loading' | 'success' | 'error';
  /** The last answer, kept while the next one loads so the list does not flicker at each key. */
  results: SearchResults | undefined;
  error: unknown;
  retry: () => void;
}

interface Options {
  /** Quiet time after the last key before asking the server. */
  delay?: number;
  /** Shorter queries are not sent (the palette waits for 2 characters). */
  minLength?: number;
}

/**
 * Search as you type: waits `delay` ms after the last change, then asks the API; a newer query
 * (or unmounting) aborts the request in flight, so a slow stale answer never replaces a fresh one.
 * Plain state rather than TanStack Query: the palette uses it outside the data layer's provider.
 */
export function useSearch(request: SearchRequest, { delay = 200, minLength = 1 }: Options = {}): SearchState {
  const [state, setState] = useState<Omit<SearchState, 'retry'>>({ status: 'idle', results: undefined, error: undefined });
  const [attempt, setAttempt] = useState(0);
  const q = request.q.trim();
  const kinds = request.kinds?.join(',') || undefined;
  const { projectId, limit } = request;

  useEffect(() => {
    if (q.length < minLength) {
      setState({ status: 'idle', results: undefined, error: undefined });
      return;
    }
    setState((previous) => ({ ...previous, status: 'loading' }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      call(routes.search.search, {
        query: { q, kinds, projectId: projectId || undefined, limit },
        signal: controller.signal,
      }).then(
        (results) => {
          if (!controller.signal.aborted) setState({ status: 'success', results, error: undefined });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState((previous) => ({ ...previous, status: 'error', error }));
        },
      );
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, kinds, projectId, limit, delay, minLength, attempt]);

  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
