import type { Project } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { defineReplica } from '../../api/replica/declaration.ts';
import { dropReplicaItem, putReplicaItem } from '../../api/replica/replica-cache.ts';
import type { Ties } from '../../api/reconcile.ts';

/** The projects I see, in the live local replica: every tab reads them there (api/projects.ts). */
export const projectReplica = defineReplica({
  collection: 'projects',
  upserts: ['project.created', 'project.updated'],
  removes: ['project.deleted'],
});

/** Content read from the server per project, not held by the replica (note content, session lines): a project gone takes it along. */
const projectContent = [['notes'], ['noteLines']];

/** `ties: 'incoming'` for local writes: a move and its rollback (see api/reconcile.ts). */
export const putProject = (queryClient: QueryClient, project: Project, ties: Ties = 'settle') => {
  putReplicaItem(queryClient, 'projects', project, ties);
};

/**
 * Deleted, or I left or was removed (`seen`: the answer to my leaving): its tasks, notes and
 * sessions leave the replica with it; added back later, its newer version shows again.
 */
export function dropProject(queryClient: QueryClient, id: string, seen?: Project) {
  dropReplicaItem(queryClient, 'projects', id, { seen });
  for (const queryKey of projectContent) void queryClient.invalidateQueries({ queryKey });
}
