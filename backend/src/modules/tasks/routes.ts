import { taskRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { TaskService } from './service.ts';

export function tasksRouter(bind: Bind, tasks: TaskService) {
  const router = Router();
  bind(router, taskRoutes.list, ({ user, query }) => tasks.list(user, query));
  bind(router, taskRoutes.create, ({ user, body }) => tasks.create(user, body));
  bind(router, taskRoutes.bulkComplete, ({ user, body }) => tasks.bulkComplete(user, body.ids));
  bind(router, taskRoutes.bulkUpdate, ({ user, body }) => tasks.bulkUpdate(user, body.ids, body.patch));
  bind(router, taskRoutes.bulkDelete, ({ user, body }) => tasks.bulkDelete(user, body.ids));
  bind(router, taskRoutes.restore, ({ user, body }) => tasks.restore(user, body.ids));
  bind(router, taskRoutes.promote, ({ user, params }) => tasks.promote(user, params.id));
  bind(router, taskRoutes.get, ({ user, params }) => tasks.get(user, params.id));
  bind(router, taskRoutes.update, ({ user, params, body }) => tasks.update(user, params.id, body));
  bind(router, taskRoutes.remove, async ({ user, params }) => void (await tasks.remove(user, params.id)));
  return router;
}
