import type { Task, routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { byRank } from '../../api/list-cache.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { useMove } from '../../api/use-move.ts';
import { showToast } from '../../ui/toast.tsx';
import { matchesFilter } from './task-filters.ts';
import type { TaskFilter } from './task-filters.ts';
import { dropTask, putTask } from './task-replica.ts';

export type TaskPatch = RouteBodyInput<typeof contractRoutes.tasks.update>;

/** The tasks matching the filter, in manual order: filtered from the replica, no request. */
export function useTasks({ projectId, status, due }: TaskFilter) {
  const select = useCallback(
    (tasks: Task[]) => {
      const now = new Date();
      return tasks.filter((task) => matchesFilter({ projectId, status, due }, task, now)).sort(byRank);
    },
    [projectId, status, due],
  );
  return useReplica('tasks', select);
}

/** A deleted task's fields, to post it again: what "Annuler" recreates. */
const copyOf = ({ projectId, title, notes, status, deadline, isUrgent, isImportant, rank, tags }: Task) => ({
  projectId,
  title,
  notes,
  status,
  deadline,
  isUrgent,
  isImportant,
  rank,
  tags,
});

export function useTaskOperations() {
  const queryClient = useQueryClient();
  const { t } = useTranslation('tasks');
  const { t: tc } = useTranslation();
  const onSaved = (task: Task) => putTask(queryClient, task);
  const failed = (error: Error) => showToast(error.message, 'error');

  const create = useMutation({
    mutationFn: (body: RouteBodyInput<typeof contractRoutes.tasks.create>) => call(routes.tasks.create, { body }),
    onSuccess: onSaved,
  });
  /**
   * Edits show at once; the answer, then the event, bring the server's version (last write wins
   * per field: only the changed fields are sent). On failure the previous version comes back.
   */
  const update = useMutation({
    mutationFn: ({ task, patch }: { task: Task; patch: TaskPatch }) =>
      call(routes.tasks.update, { params: { id: task.id }, body: patch }),
    onMutate: ({ task, patch }) => putTask(queryClient, { ...task, ...patch } as Task, 'incoming'),
    onSuccess: onSaved,
    onError: (error, { task }) => {
      putTask(queryClient, task, 'incoming');
      failed(error);
    },
  });
  const move = useMove((task: Task, rank) => call(routes.tasks.update, { params: { id: task.id }, body: { rank } }), putTask);
  /**
   * Undo by recreation: the DELETE runs at once, so other tabs, members and the dashboard agree
   * immediately and closing the tab never leaves a deletion pending; "Annuler" posts the same
   * fields again (same rank, so the same place; a new id and creation date).
   */
  const remove = useMutation({
    mutationFn: (task: Task) => call(routes.tasks.remove, { params: { id: task.id } }),
    onMutate: (task) => dropTask(queryClient, task.id, false),
    onSuccess: (_, task) => {
      dropTask(queryClient, task.id, true, task);
      showToast(t('deleted', { title: task.title }), 'info', {
        label: tc('ui.undo'),
        run: () => create.mutate(copyOf(task), { onError: failed }),
      });
    },
    onError: (error, task) => {
      putTask(queryClient, task, 'incoming');
      failed(error);
    },
  });
  const completeMany = useMutation({
    mutationFn: (ids: string[]) => call(routes.tasks.bulkComplete, { body: { ids } }),
    onSuccess: ({ updated }) => {
      for (const task of updated) putTask(queryClient, task);
      showToast(t('completed', { count: updated.length }));
    },
    onError: failed,
  });
  return { create, update, move, remove, completeMany };
}
