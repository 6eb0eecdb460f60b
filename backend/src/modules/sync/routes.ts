import { syncRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { SyncService } from './service.ts';

export function syncRouter(bind: Bind, sync: SyncService) {
  const router = Router();
  bind(router, syncRoutes.projects, ({ user, query }) => sync.changes(user, 'projects', query.since));
  bind(router, syncRoutes.tasks, ({ user, query }) => sync.changes(user, 'tasks', query.since));
  bind(router, syncRoutes.notes, ({ user, query }) => sync.changes(user, 'notes', query.since));
  bind(router, syncRoutes.noteSessions, ({ user, query }) => sync.changes(user, 'noteSessions', query.since));
  bind(router, syncRoutes.links, ({ user, query }) => sync.changes(user, 'links', query.since));
  return router;
}
