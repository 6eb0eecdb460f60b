import type { Task } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { defineReplica } from '../../api/replica/declaration.ts';
import { dropReplicaItem, holdReplicaItem, putReplicaItem } from '../../api/replica/replica-cache.ts';
import type { Ties } from '../../api/reconcile.ts';

/** Every task I see, held in the live local replica: lists, filters and the matrix are computed from it. */
export const taskReplica = defineReplica({
  collection: 'tasks',
  upserts: ['task.created', 'task.updated'],
  removes: ['task.deleted'],
});

/** A version of a task into the replica; `ties: 'incoming'` for local writes (see api/reconcile.ts). */
export const putTask = (queryClient: QueryClient, task: Task, ties: Ties = 'settle') => {
  putReplicaItem(queryClient, 'tasks', task, ties);
};

/** A local write of the task under way: the server's copies wait until it settles (see replica-cache.ts). */
export const holdTask = (queryClient: QueryClient, id: string) => holdReplicaItem(queryClient, 'tasks', id);

/** `deleted` once the server says so: a late version of the task then stays out. */
export const dropTask = (queryClient: QueryClient, id: string, deleted: boolean, seen?: Task) =>
  dropReplicaItem(queryClient, 'tasks', id, { deleted, seen });
