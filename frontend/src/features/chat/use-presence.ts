import type { Presence } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { chatKeys } from './chat-cache.ts';

/** Presence of my contacts and room mates, kept current by `presence:changed`. */
export function usePresence(userId: string | undefined): Presence | undefined {
  const { data } = useQuery({
    queryKey: chatKeys.presence,
    queryFn: ({ signal }) => call(routes.contacts.presence, { signal }),
  });
  return data?.items.find((p) => p.userId === userId);
}
