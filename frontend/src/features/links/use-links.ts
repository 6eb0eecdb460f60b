import type { routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { usePagedList } from '../../api/paged-list.ts';
import { linkKeys, putLink, removeLink } from './link-cache.ts';

/** The links, newest first, a page of 200 at a time. */
export function useLinks() {
  return usePagedList(linkKeys.list, (cursor, signal) => call(routes.links.list, { query: { limit: 200, cursor }, signal }));
}

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
