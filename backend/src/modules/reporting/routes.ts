import { reportingRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { AiService } from '../ai/service.ts';
import type { ProjectService } from '../projects/service.ts';
import type { TaskService } from '../tasks/service.ts';
import { recentActivity } from './activity.ts';
import { analyzeImport, createImport } from './import.ts';
import { summarizeActivity } from './summary.ts';

/** The Rapport tab: activity of a window, its report by the model, and *Importer des tâches*. */
export function reportingRouter(bind: Bind, deps: { ai: AiService; projects: ProjectService; tasks: TaskService }) {
  const router = Router();
  bind(router, reportingRoutes.activity, ({ user, query }) => recentActivity(user, query));
  bind(router, reportingRoutes.summary, ({ user, body }) => summarizeActivity(deps.ai, user, body));
  bind(router, reportingRoutes.analyzeImport, ({ user, body }) => analyzeImport(deps.ai, user, body));
  bind(router, reportingRoutes.createImport, ({ user, body }) => createImport(deps, user, body.tasks));
  return router;
}
