import type { Link } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { newestFirst } from '../../api/list-cache.ts';
import { defineReplica } from '../../api/replica/declaration.ts';
import { dropReplicaItem, putReplicaItem } from '../../api/replica/replica-cache.ts';

/** My links, held in the live local replica: the list is sorted from it, with no request. */
export const linkReplica = defineReplica({
  collection: 'links',
  upserts: ['link.created', 'link.updated'],
  removes: ['link.deleted'],
});

const newest = newestFirst('createdAt');

/** Newest first, as the server lists them. Module level: a stable `select` runs once per change. */
export const newestLinks = (links: Link[]) => [...links].sort(newest);

/** A version of a link into the replica: our own mutation's answer and its event both arrive, in either order. */
export const putLink = (queryClient: QueryClient, link: Link) => {
  putReplicaItem(queryClient, 'links', link);
};

export const removeLink = (queryClient: QueryClient, id: string) => dropReplicaItem(queryClient, 'links', id);
