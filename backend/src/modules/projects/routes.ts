import { projectRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { ProjectService } from './service.ts';

export function projectsRouter(bind: Bind, projects: ProjectService) {
  const router = Router();
  bind(router, projectRoutes.list, ({ user, query }) => projects.list(user, query));
  bind(router, projectRoutes.create, ({ user, body }) => projects.create(user, body));
  bind(router, projectRoutes.get, ({ user, params }) => projects.get(user, params.id));
  bind(router, projectRoutes.update, ({ user, params, body }) => projects.update(user, params.id, body));
  bind(router, projectRoutes.remove, ({ user, params }) => projects.remove(user, params.id));
  bind(router, projectRoutes.addMember, ({ user, params, body }) => projects.addMember(user, params.id, body.username));
  bind(router, projectRoutes.removeMember, ({ user, params }) => projects.removeMember(user, params.id, params.userId));
  return router;
}
