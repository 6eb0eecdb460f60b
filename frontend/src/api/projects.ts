import type { Project } from '@panoramix/contracts';
import { useMemo } from 'react';
import { byRank } from './list-cache.ts';
import { useReplica } from './replica/use-replica.ts';

/** In the list route's shape (`data.items`), which the tabs reading projects were written against. */
const inManualOrder = (projects: Project[]) => ({ items: [...projects].sort(byRank) });

/**
 * Every project I can see, in manual order, from the live local replica: read by many tabs
 * (filters, chips, pickers); the Projets tab owns their writes and declares the collection.
 */
export const useProjects = () => useReplica('projects', inManualOrder);

/** Project names and colours by id, for the chips of tasks and notes. */
export function useProjectIndex(): Map<string, Project> {
  const { data } = useProjects();
  return useMemo(() => new Map((data?.items ?? []).map((p) => [p.id, p])), [data]);
}
