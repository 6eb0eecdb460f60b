import type { routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { newestLinks, putLink, removeLink } from './link-replica.ts';

/** The links, newest first, from the replica: showing the tab sends nothing. */
export const useLinks = () => useReplica('links', newestLinks);

export function useLinkOperations() {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: RouteBodyInput<typeof contractRoutes.links.create>) => call(routes.links.create, { body }),
    onSuccess: (link) => putLink(queryClient, link),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(routes.links.remove, { params: { id } }),
    onSuccess: (_, id) => removeLink(queryClient, id),
  });
  const click = useMutation({
    mutationFn: (id: string) => call(routes.links.click, { params: { id } }),
    onSuccess: (link) => putLink(queryClient, link),
  });
  return { create, remove, click };
}
