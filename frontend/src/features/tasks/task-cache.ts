import type { Task } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { byRank, editPages, upsert, without } from '../../api/list-cache.ts';
import { matchesFilter } from './task-filters.ts';
import type { TaskFilter } from './task-filters.ts';

export const taskKeys = {
  lists: ['tasks', 'list'] as const,
  list: (filter: TaskFilter) => ['tasks', 'list', filter] as const,
};

/**
 * The server's version of a task into every cached list: added or replaced where it matches the
 * list's filter, removed where it no longer does (completed while "open" is shown…).
 */
export function putTask(queryClient: QueryClient, task: Task, now = new Date()) {
  editPages<Task>(queryClient, taskKeys.lists, (items, key) =>
    matchesFilter(key[2] as TaskFilter, task, now) ? upsert(items, task, byRank) : without(items, task.id),
  );
}

export const dropTask = (queryClient: QueryClient, id: string) =>
  editPages<Task>(queryClient, taskKeys.lists, (items) => without(items, id));

export const taskEvents: EventAppliers = {
  'task.created': (queryClient, task) => putTask(queryClient, task),
  'task.updated': (queryClient, task) => putTask(queryClient, task),
  'task.deleted': (queryClient, { id }) => dropTask(queryClient, id),
};
