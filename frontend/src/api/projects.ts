import type { Project } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { routes } from 'virtual:panoramix/contracts';
import { call } from './client.ts';

/** Projects are read by many tabs (filters, chips, pickers); the Projets tab owns their writes and events. */
export const projectKeys = {
  list: ['projects', 'list'] as const,
};

/** Every project I can see (up to the API's page size), in manual order. */
export function useProjects() {
  return useQuery({
    queryKey: projectKeys.list,
    queryFn: ({ signal }) => call(routes.projects.list, { query: { limit: 200 }, signal }),
  });
}

/** Project names and colours by id, for the chips of tasks and notes. */
export function useProjectIndex(): Map<string, Project> {
  const { data } = useProjects();
  return useMemo(() => new Map((data?.items ?? []).map((p) => [p.id, p])), [data]);
}
