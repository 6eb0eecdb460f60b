import type { Project, routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { holdReplicaItem } from '../../api/replica/replica-cache.ts';
import { useMove } from '../../api/use-move.ts';
import { useCurrentUserId } from '../../app/auth/current-user.ts';
import { dropProject, putProject } from './project-replica.ts';

type UpdateBody = RouteBodyInput<typeof contractRoutes.projects.update>;

export function useProjectOperations() {
  const queryClient = useQueryClient();
  const me = useCurrentUserId();
  const onSaved = (project: Project) => putProject(queryClient, project);
  const create = useMutation({
    mutationFn: (body: RouteBodyInput<typeof contractRoutes.projects.create>) => call(routes.projects.create, { body }),
    onSuccess: onSaved,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: UpdateBody & { id: string }) => call(routes.projects.update, { params: { id }, body }),
    onSuccess: onSaved,
  });
  const move = useMove(
    (project: Project, rank) => call(routes.projects.update, { params: { id: project.id }, body: { rank } }),
    putProject,
    (queryClient, id) => holdReplicaItem(queryClient, 'projects', id),
  );
  const remove = useMutation({
    mutationFn: (id: string) => call(routes.projects.remove, { params: { id } }),
    onSuccess: ({ id }) => dropProject(queryClient, id),
  });
  const addMember = useMutation({
    mutationFn: ({ id, username }: { id: string; username: string }) =>
      call(routes.projects.addMember, { params: { id }, body: { username } }),
    onSuccess: onSaved,
  });
  const removeMember = useMutation({
    mutationFn: (params: { id: string; userId: string }) => call(routes.projects.removeMember, { params }),
    // Leaving: the project is gone for me, whatever the order of the answer and of its events.
    onSuccess: (project, { userId }) => (userId === me ? dropProject(queryClient, project.id, project) : onSaved(project)),
  });
  return { create, update, move, remove, addMember, removeMember };
}
