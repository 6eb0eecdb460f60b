import { teamRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { TeamService } from './service.ts';

export function teamsRouter(bind: Bind, teams: TeamService) {
  const router = Router();
  bind(router, teamRoutes.list, ({ user }) => teams.list(user));
  bind(router, teamRoutes.create, ({ user, body }) => teams.create(user, body));
  bind(router, teamRoutes.update, ({ user, params, body }) => teams.update(user, params.id, body));
  bind(router, teamRoutes.remove, async ({ user, params, query }) => void (await teams.remove(user, params.id, query)));
  return router;
}
