import { dashboardRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { DashboardService } from './service.ts';

export function dashboardRouter(bind: Bind, dashboard: DashboardService) {
  const router = Router();
  bind(router, dashboardRoutes.get, ({ user, query }) => dashboard.get(user, query));
  return router;
}
