import type { Project } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { byRank, editPages, upsert, without } from '../../api/list-cache.ts';

export const projectKeys = {
  list: ['projects', 'list'] as const,
};

/** Content that belongs to projects: a deleted project takes it along, server-side, in a job. */
const projectContent = [['tasks'], ['notes'], ['noteSessions'], ['noteLines']];

export const putProject = (queryClient: QueryClient, project: Project) =>
  editPages<Project>(queryClient, projectKeys.list, (items) => upsert(items, project, byRank));

export function dropProject(queryClient: QueryClient, id: string) {
  editPages<Project>(queryClient, projectKeys.list, (items) => without(items, id));
  for (const queryKey of projectContent) void queryClient.invalidateQueries({ queryKey });
}

/** Live events from other tabs, devices and members, applied to the cached list. */
export const projectEvents: EventAppliers = {
  'project.created': putProject,
  'project.updated': putProject,
  'project.deleted': (queryClient, { id }) => dropProject(queryClient, id),
};
