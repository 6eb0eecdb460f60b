import { onlineManager, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { connectionStore } from './connection-status.ts';
import { createDispatcher } from './event-appliers.ts';
import type { EventAppliers } from './event-appliers.ts';
import { queryClient } from './query-client.ts';
import type { ReplicaDeclaration } from './replica/declaration.ts';
import { firstPaintSettled } from './replica/first-paint.ts';
import { replicaRoot } from './replica/replica-cache.ts';

interface DataProviderProps {
  /** The signed-in user, whose replica is restored and kept (the shell remounts this provider for another). */
  userId: string;
  /** Loaders of each feature's event appliers (see FeatureDefinition.events). */
  appliers: readonly (() => Promise<EventAppliers>)[];
  /** Loaders of each feature's replicated collections (see FeatureDefinition.replica). */
  replicas: readonly (() => Promise<readonly ReplicaDeclaration[]>)[];
  onResync: () => void;
  children: ReactNode;
}

/** How long a start's queries wait for the first connection at most (socket.io gives up after 20 s). */
const FIRST_CONNECTION_WAIT_MS = 5000;

/**
 * Holds every query of the cache (the replica's first pulls, the chat rooms…) until the live socket
 * first connects: read after the server joined the socket to its rooms, no event falls between a
 * first load and the socket, so the first connection has nothing to fetch again (one catch-up per
 * start). TanStack's online state is that gate, ANDed with the browser's. Returns the opening.
 */
function holdQueriesUntilConnected(): () => void {
  let connected = false;
  let browserOnline = true; // TanStack's own start: navigator.onLine is wrong in some browsers
  let setOnline: (online: boolean) => void = () => undefined;
  const update = () => setOnline(connected && browserOnline);
  const onBrowser = (event: Event) => {
    browserOnline = event.type === 'online';
    update();
  };
  onlineManager.setEventListener((set) => {
    setOnline = set;
    update();
    window.addEventListener('online', onBrowser);
    window.addEventListener('offline', onBrowser);
    return () => {
      window.removeEventListener('online', onBrowser);
      window.removeEventListener('offline', onBrowser);
    };
  });
  return () => {
    connected = true;
    update();
  };
}

/**
 * The query cache and the live socket feeding it, for one signed-in session. Loaded lazily by
 * the shell: TanStack Query, socket.io and the features' cache code stay out of the login screen's bundle.
 */
export default function DataProvider({ userId, appliers, replicas, onResync, children }: DataProviderProps) {
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    const openQueries = holdQueriesUntilConnected();
    // The replica IndexedDB holds goes into the cache before any screen reads it: a reload paints
    // from it at once, and each collection then asks only for what changed since its version.
    const restoring = import('./replica/replica.ts').then(async (replica) => {
      await replica.restore(queryClient, userId);
      performance.mark('panoramix:replica-restored'); // read by bench/src/web.bench.ts
      return replica;
    });
    void restoring.then(() => !cancelled && setRestored(true));
    void Promise.all([
      // A first start connects once Accueil shows the server's overview (replica/first-paint.ts).
      Promise.all([import('./live.ts'), firstPaintSettled()]).then(([live]) => live),
      restoring,
      Promise.all(replicas.map((load) => load())),
      ...appliers.map((load) => load()),
    ]).then(([{ connectLive }, { startReplica }, declarations, ...sources]) => {
      if (cancelled) return;
      const replica = startReplica(queryClient, userId, declarations.flat());
      // The first connection opens the queries held for it. A first attempt that fails, or none that
      // ends in time, opens them too (the data shows, without live updates yet; the preferences are
      // read), and the connection that follows catches up.
      const settle = () => {
        stopWaiting();
        clearTimeout(giveUp);
        openQueries();
        if (connectionStore.get() !== 'online') onResync();
      };
      const stopWaiting = connectionStore.subscribe(() => connectionStore.get() !== 'connecting' && settle());
      const giveUp = setTimeout(settle, FIRST_CONNECTION_WAIT_MS);
      const stopLive = connectLive({
        dispatcher: createDispatcher([...sources, ...replica.appliers], queryClient),
        resync: () => {
          // The replica catches up by version; refetching it whole would undo the point of it. A query
          // marked `meta: { catchUp: false }` stands in until the replica arrives and is not asked again.
          void queryClient.invalidateQueries({
            predicate: (query) => query.queryKey[0] !== replicaRoot[0] && query.meta?.catchUp !== false,
          });
          replica.resync();
          onResync();
        },
      });
      stop = () => {
        stopWaiting();
        clearTimeout(giveUp);
        stopLive();
        replica.stop();
      };
    });
    return () => {
      cancelled = true;
      stop?.();
      openQueries();
      queryClient.clear(); // the next user of this tab must not see this one's data
    };
  }, [userId, appliers, replicas, onResync]);

  return <QueryClientProvider client={queryClient}>{restored && children}</QueryClientProvider>;
}
