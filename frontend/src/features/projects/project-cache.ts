import type { Project } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { byRank, dropItem, putItem } from '../../api/list-cache.ts';
import { projectKeys } from '../../api/projects.ts';
import type { Ties } from '../../api/reconcile.ts';

/** Content that belongs to projects: a deleted project takes it along, server-side, in a job. */
const projectContent = [['tasks'], ['notes'], ['noteSessions'], ['noteLines']];

/** `ties: 'incoming'` for local writes: a move and its rollback (see api/reconcile.ts). */
export const putProject = (queryClient: QueryClient, project: Project, ties: Ties = 'settle') =>
  putItem(queryClient, projectKeys.list, project, { order: byRank, ties });

/** Deleted, or I left or was removed (`seen`: the answer to my leaving): added back later, its newer version shows again. */
export function dropProject(queryClient: QueryClient, id: string, seen?: Project) {
  dropItem(queryClient, projectKeys.list, id, { deleted: true, seen });
  for (const queryKey of projectContent) void queryClient.invalidateQueries({ queryKey });
}

/** Live events from other tabs, devices and members, applied to the cached list. */
export const projectEvents: EventAppliers = {
  'project.created': putProject,
  'project.updated': putProject,
  'project.deleted': (queryClient, { id }) => dropProject(queryClient, id),
};
