import { calendarEventRoutes, calendarImportRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { CalendarService } from './service.ts';

export function calendarRouter(bind: Bind, calendar: CalendarService) {
  const router = Router();
  bind(router, calendarEventRoutes.list, ({ user, query }) => calendar.list(user, query));
  bind(router, calendarEventRoutes.create, ({ user, body }) => calendar.create(user, body));
  bind(router, calendarEventRoutes.get, ({ user, params }) => calendar.get(user, params.id));
  bind(router, calendarEventRoutes.update, ({ user, params, body }) => calendar.update(user, params.id, body));
  bind(router, calendarEventRoutes.remove, async ({ user, params }) => void (await calendar.remove(user, params.id)));
  bind(router, calendarEventRoutes.restore, ({ user, params }) => calendar.restore(user, params.id));
  bind(router, calendarImportRoutes.upload, ({ user, file, body }) => calendar.importFile(user, file, body));
  return router;
}
