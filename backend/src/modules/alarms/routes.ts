import { alarmRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { AlarmService } from './service.ts';

export function alarmsRouter(bind: Bind, alarms: AlarmService) {
  const router = Router();
  bind(router, alarmRoutes.list, ({ user, query }) => alarms.list(user, query));
  bind(router, alarmRoutes.create, ({ user, body }) => alarms.create(user, body));
  bind(router, alarmRoutes.get, ({ user, params }) => alarms.get(user, params.id));
  bind(router, alarmRoutes.update, ({ user, params, body }) => alarms.update(user, params.id, body));
  bind(router, alarmRoutes.snooze, ({ user, params, body }) => alarms.snooze(user, params.id, body.minutes));
  bind(router, alarmRoutes.dismiss, ({ user, params }) => alarms.dismiss(user, params.id));
  bind(router, alarmRoutes.remove, async ({ user, params }) => void (await alarms.remove(user, params.id)));
  return router;
}
