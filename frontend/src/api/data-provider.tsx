import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { createDispatcher } from './event-appliers.ts';
import type { EventAppliers } from './event-appliers.ts';
import { queryClient } from './query-client.ts';

interface DataProviderProps {
  /** Loaders of each feature's event appliers (see FeatureDefinition.events). */
  appliers: readonly (() => Promise<EventAppliers>)[];
  onResync: () => void;
  children: ReactNode;
}

/**
 * The query cache and the live socket feeding it, for one signed-in session. Loaded lazily by
 * the shell: TanStack Query, socket.io and the features' cache code stay out of the login screen's bundle.
 */
export default function DataProvider({ appliers, onResync, children }: DataProviderProps) {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void Promise.all([import('./live.ts'), ...appliers.map((load) => load())]).then(([{ connectLive }, ...sources]) => {
      if (cancelled) return;
      stop = connectLive({
        dispatcher: createDispatcher(sources, queryClient),
        resync: () => {
          void queryClient.invalidateQueries();
          onResync();
        },
      });
    });
    return () => {
      cancelled = true;
      stop?.();
      queryClient.clear(); // the next user of this tab must not see this one's data
    };
  }, [appliers, onResync]);

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
