import type { Link, routes as contractRoutes, RouteResponse } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';

export type LinkPage = RouteResponse<typeof contractRoutes.links.list>;

export const linkKeys = {
  all: ['links'] as const,
  list: ['links', 'list'] as const,
};

const editList = (queryClient: QueryClient, edit: (items: Link[]) => Link[]) =>
  queryClient.setQueryData<LinkPage>(linkKeys.list, (page) => page && { ...page, items: edit(page.items) });

/** Adds a link at the top (newest first) unless the list already has it: our own mutation and its event both arrive. */
export const insertLink = (queryClient: QueryClient, link: Link) =>
  editList(queryClient, (items) => (items.some((l) => l.id === link.id) ? items : [link, ...items]));

export const replaceLink = (queryClient: QueryClient, link: Link) =>
  editList(queryClient, (items) => items.map((l) => (l.id === link.id ? link : l)));

export const removeLink = (queryClient: QueryClient, id: string) =>
  editList(queryClient, (items) => items.filter((l) => l.id !== id));

/** Live events from other tabs and devices, applied to the cached list without a refetch. */
export const linkEvents: EventAppliers = {
  'link.created': insertLink,
  'link.updated': replaceLink,
  'link.deleted': (queryClient, { id }) => removeLink(queryClient, id),
};
