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
import { dropTask, holdTask, putTask } from './task-replica.ts';

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

/** One task by id from the replica (`null` once loaded when there is none I can see), whatever the filters. */
export function useTask(id: string | null) {
  const select = useCallback((tasks: Task[]) => tasks.find((task) => task.id === id) ?? null, [id]);
  return useReplica('tasks', select);
}

/**
 * The bulk changes that undo `patch` on `tasks` (as they were before it): their previous values,
 * grouped by equal values, each group one request. A move cleared assignees outside the new
 * project: undoing it gives them back. Added tags are removed again where they were new.
 */
export function undoOf(patch: BulkPatch, tasks: readonly Task[]): { ids: string[]; patch: BulkPatch }[] {
  const groups = new Map<string, { ids: string[]; patch: BulkPatch }>();
  for (const task of tasks) {
    const back: BulkPatch = {};
    if (patch.status !== undefined) back.status = task.status;
    if (patch.deadline !== undefined) back.deadline = task.deadline;
    if (patch.isUrgent !== undefined) back.isUrgent = task.isUrgent;
    if (patch.isImportant !== undefined) back.isImportant = task.isImportant;
    if (patch.projectId !== undefined) back.projectId = task.projectId;
    if (patch.assigneeId !== undefined || patch.projectId !== undefined) back.assigneeId = task.assigneeId;
    const had = new Set(task.tags.map((tag) => tag.toLowerCase()));
    const added = (patch.addTags ?? []).filter((tag) => !had.has(tag.toLowerCase()));
    if (added.length > 0) back.removeTags = added;
    const removed = task.tags.filter((tag) => patch.removeTags?.some((r) => r.toLowerCase() === tag.toLowerCase()));
    if (removed.length > 0) back.addTags = removed;
    if (Object.keys(back).length === 0) continue;
    const key = JSON.stringify(back);
    const group = groups.get(key) ?? { ids: [], patch: back };
    group.ids.push(task.id);
    groups.set(key, group);
  }
  return [...groups.values()];
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
   * per field: only the changed fields are sent), once no later edit of the task is still out
   * (holdTask). On failure the previous version comes back.
   */
  const update = useMutation({
    mutationFn: ({ task, patch }: { task: Task; patch: TaskPatch }) =>
      call(routes.tasks.update, { params: { id: task.id }, body: patch }),
    onMutate: ({ task, patch }) => {
      const release = holdTask(queryClient, task.id);
      putTask(queryClient, { ...task, ...patch } as Task, 'incoming');
      return { release };
    },
    onSuccess: onSaved,
    onError: (error, { task }) => {
      putTask(queryClient, task, 'incoming');
      failed(error);
    },
    onSettled: (_task, _error, _variables, context) => context?.release(),
  });
  const move = useMove(
    (task: Task, rank) => call(routes.tasks.update, { params: { id: task.id }, body: { rank } }),
    putTask,
    holdTask,
  );
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
  /**
   * One request for the whole selection; the server refuses it whole or changes every task.
   * "Annuler" puts back what each task had (`before`: the tasks as shown), one request per set of
   * tasks that had the same values.
   */
  const updateMany = useMutation({
    mutationFn: ({ ids, patch }: { ids: string[]; patch: BulkPatch; before?: readonly Task[] }) =>
      call(routes.tasks.bulkUpdate, { body: { ids, patch } }),
    onSuccess: ({ updated }, { patch, before }) => {
      updated.forEach(onSaved);
      const message = t('bulkUpdated', { count: updated.length });
      if (!before) return showToast(message);
      const undo = undoOf(
        patch,
        before.filter((task) => updated.some((u) => u.id === task.id)),
      );
      showToast(message, 'info', {
        label: tc('ui.undo'),
        run: () => undo.forEach((group) => updateMany.mutate(group)),
      });
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
