import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { showToast } from '../lib/toasts.ts';
import type { Ties } from './reconcile.ts';

interface Ranked {
  id: string;
  rank: string;
}

/** Quick successive moves of one item (Alt+↑ ↑ ↑) are written once, with the final rank. */
const SETTLE_MS = 400;

/** No hold: for items kept outside the replica, whose answers `put` alone orders. */
const noHold = () => () => undefined;

/**
 * Writing the new rank of a moved item (see lib/rank.ts). The item moves in the cache at once;
 * the PATCH leaves once the item has stopped moving, so the server never stores (nor broadcasts)
 * intermediate positions whose answers would arrive out of order and make the row jump back.
 * A move made while the previous one's PATCH is still out (slower presses) would still be undone
 * by that PATCH's answer or event: `hold` (replica-cache.ts holdReplicaItem) keeps the server's
 * copies aside from the first move until the last PATCH of the item settles.
 * Leaving the page sends pending moves at once; a failed move puts the item back.
 */
export function useMove<T extends Ranked>(
  send: (item: T, rank: string) => Promise<T>,
  put: (queryClient: QueryClient, item: T, ties?: Ties) => void,
  hold: (queryClient: QueryClient, id: string) => () => void = noHold,
) {
  const queryClient = useQueryClient();
  const pending = useRef(
    new Map<string, { original: T; rank: string; timer: ReturnType<typeof setTimeout>; release: () => void }>(),
  );
  const mutation = useMutation({
    mutationFn: ({ item, rank }: { item: T; rank: string; release: () => void }) => send(item, rank),
    onSuccess: (saved) => {
      if (!pending.current.has(saved.id)) put(queryClient, saved);
    },
    onError: (error, { item }) => {
      put(queryClient, item, 'incoming');
      showToast(error.message, 'error');
    },
    onSettled: (_saved, _error, { release }) => release(),
  });
  const { mutate } = mutation;

  const flush = (id: string) => {
    const entry = pending.current.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    pending.current.delete(id);
    mutate({ item: entry.original, rank: entry.rank, release: entry.release });
  };

  // Mount-only: flush reads the ref and mutate, which is stable.
  useEffect(() => {
    const entries = pending.current;
    return () => [...entries.keys()].forEach(flush);
  }, []);

  return (item: T, rank: string) => {
    const previous = pending.current.get(item.id);
    if (previous) clearTimeout(previous.timer);
    const release = previous?.release ?? hold(queryClient, item.id);
    put(queryClient, { ...item, rank }, 'incoming');
    const timer = setTimeout(() => flush(item.id), SETTLE_MS);
    pending.current.set(item.id, { original: previous?.original ?? item, rank, timer, release });
  };
}
