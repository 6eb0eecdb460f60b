import type { Task, routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { useCurrentUserId } from '../../app/auth/current-user.ts';
import { call } from '../../api/client.ts';
import { byRank } from '../../api/list-cache.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { useMove } from '../../api/use-move.ts';
import { showToast } from '../../ui/toast.tsx';
import { matchesFilter } from './task-filters.ts';
import type { TaskFilter } from './task-filters.ts';
import { dropTask, putTask } from './task-replica.ts';

export type TaskPatch = RouteBodyInput<typeof contractRoutes.tasks.update>;
export type BulkPatch = RouteBodyInput<typeof contractRoutes.tasks.bulkUpdate>['patch'];

/** The tasks matching the filter, in manual order: filtered from the replica, no request. */
export function useTasks({ projectId, status, due, assignee }: TaskFilter) {
  const me = useCurrentUserId();
  const select = useCallback(
    (tasks: Task[]) => {
      const now = new Date();
      return tasks.filter((task) => matchesFilter({ projectId, status, due, assignee }, task, now, me)).sort(byRank);
    },
    [projectId, status, due, assignee, me],
  );
  return useReplica('tasks', select);
}

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
  /** "Annuler" of a deletion: the server keeps deleted tasks a day and puts the same ones back, ids and all. */
  const restore = useMutation({
    mutationFn: (ids: string[]) => call(routes.tasks.restore, { body: { ids } }),
    onSuccess: ({ restored }) => restored.forEach(onSaved),
    onError: failed,
  });
  const offerUndo = (message: string, ids: string[]) =>
    showToast(message, 'info', { label: tc('ui.undo'), run: () => restore.mutate(ids) });
  /**
   * The DELETE runs at once, so other tabs, members and the dashboard agree immediately and closing
   * the tab never leaves a deletion pending; "Annuler" restores it.
   */
  const remove = useMutation({
    mutationFn: (task: Task) => call(routes.tasks.remove, { params: { id: task.id } }),
    onMutate: (task) => dropTask(queryClient, task.id, false),
    onSuccess: (_, task) => {
      dropTask(queryClient, task.id, true, task);
      offerUndo(t('deleted', { title: task.title }), [task.id]);
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
  /** One request for the whole selection; the server refuses it whole or changes every task. */
  const updateMany = useMutation({
    mutationFn: ({ ids, patch }: { ids: string[]; patch: BulkPatch }) => call(routes.tasks.bulkUpdate, { body: { ids, patch } }),
    onSuccess: ({ updated }) => {
      updated.forEach(onSaved);
      showToast(t('bulkUpdated', { count: updated.length }));
    },
    onError: failed,
  });
  const removeMany = useMutation({
    mutationFn: (tasks: readonly Task[]) => call(routes.tasks.bulkDelete, { body: { ids: tasks.map((task) => task.id) } }),
    onMutate: (tasks) => tasks.forEach((task) => dropTask(queryClient, task.id, false)),
    onSuccess: ({ deleted }, tasks) => {
      tasks.forEach((task) => dropTask(queryClient, task.id, true, task));
      offerUndo(
        t('bulkDeleted', { count: deleted.length }),
        deleted.map((task) => task.id),
      );
    },
    onError: (error, tasks) => {
      tasks.forEach((task) => putTask(queryClient, task, 'incoming'));
      failed(error);
    },
  });
  /** Panorama's "promote to top": the answer holds every task the re-sort moved. */
  const promote = useMutation({
    mutationFn: (task: Task) => call(routes.tasks.promote, { params: { id: task.id } }),
    onSuccess: ({ updated }) => updated.forEach(onSaved),
    onError: failed,
  });
  return { create, update, move, remove, completeMany, updateMany, removeMany, promote };
}
