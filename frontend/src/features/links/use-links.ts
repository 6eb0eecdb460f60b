import type { routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { insertLink, linkKeys, removeLink, replaceLink } from './link-cache.ts';

/** The first 200 links, newest first; enough until the tab gets search and paging. */
export function useLinks() {
  return useQuery({
    queryKey: linkKeys.list,
    queryFn: ({ signal }) => call(routes.links.list, { query: { limit: 200 }, signal }),
  });
}

export function useLinkOperations() {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: RouteBodyInput<typeof contractRoutes.links.create>) => call(routes.links.create, { body }),
    onSuccess: (link) => insertLink(queryClient, link),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(routes.links.remove, { params: { id } }),
    onSuccess: (_, id) => removeLink(queryClient, id),
  });
  const click = useMutation({
    mutationFn: (id: string) => call(routes.links.click, { params: { id } }),
    onSuccess: (link) => replaceLink(queryClient, link),
  });
  return { create, remove, click };
}
