import type { Link } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { dropItem, newestFirst, putItem } from '../../api/list-cache.ts';

export const linkKeys = {
  all: ['links'] as const,
  list: ['links', 'list'] as const,
};

const newest = newestFirst('createdAt');

/** A version of a link into the list, newest first: our own mutation's answer and its event both arrive. */
export const putLink = (queryClient: QueryClient, link: Link) => putItem(queryClient, linkKeys.list, link, { order: newest });

export const removeLink = (queryClient: QueryClient, id: string) => dropItem(queryClient, linkKeys.list, id, { deleted: true });

/** Live events from other tabs and devices, applied to the cached list without a refetch. */
export const linkEvents: EventAppliers = {
  'link.created': putLink,
  'link.updated': putLink,
  'link.deleted': (queryClient, { id }) => removeLink(queryClient, id),
};
