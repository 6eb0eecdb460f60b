import type { Task } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { byRank, dropItem, putItem } from '../../api/list-cache.ts';
import type { Ties } from '../../api/reconcile.ts';
import { matchesFilter } from './task-filters.ts';
import type { TaskFilter } from './task-filters.ts';

export const taskKeys = {
  lists: ['tasks', 'list'] as const,
  list: (filter: TaskFilter) => ['tasks', 'list', filter] as const,
};

/**
 * A version of a task into every cached list: added or replaced where it matches the list's
 * filter, removed where it no longer does (completed while "open" is shown…). `ties: 'incoming'`
 * for local writes (see api/reconcile.ts).
 */
export function putTask(queryClient: QueryClient, task: Task, ties: Ties = 'settle') {
  const now = new Date();
  putItem(queryClient, taskKeys.lists, task, {
    order: byRank,
    belongs: (key) => matchesFilter(key[2] as TaskFilter, task, now),
    ties,
  });
}

/** `deleted` once the server says so: a late version of the task then stays out (see dropItem). */
export const dropTask = (queryClient: QueryClient, id: string, deleted: boolean, seen?: Task) =>
  dropItem(queryClient, taskKeys.lists, id, { deleted, seen });

export const taskEvents: EventAppliers = {
  'task.created': (queryClient, task) => putTask(queryClient, task),
  'task.updated': (queryClient, task) => putTask(queryClient, task),
  'task.deleted': (queryClient, { id }) => dropTask(queryClient, id, true),
};
