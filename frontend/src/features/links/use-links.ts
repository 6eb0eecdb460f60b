import type { Link, routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { newestLinks, putLink, removeLink } from './link-replica.ts';

const everyLink = () => true;

/** The links passing `filter` (stable: module level or `useCallback`), newest first, from the replica: showing them sends nothing. */
export function useLinks(filter: (link: Link) => boolean = everyLink) {
  return useReplica(
    'links',
    useCallback((links: Link[]) => newestLinks(links.filter(filter)), [filter]),
  );
}

export function useLinkOperations() {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: RouteBodyInput<typeof contractRoutes.links.create>) => call(routes.links.create, { body }),
    onSuccess: (link) => putLink(queryClient, link),
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: RouteBodyInput<typeof contractRoutes.links.update> & { id: string }) =>
      call(routes.links.update, { params: { id }, body }),
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
  return { create, update, remove, click };
}
