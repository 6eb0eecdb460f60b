import { calendarSubscriptionRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../../http/route.ts';
import type { SubscriptionService } from './service.ts';

export function calendarSubscriptionsRouter(bind: Bind, subscriptions: SubscriptionService) {
  const router = Router();
  const routes = calendarSubscriptionRoutes;
  bind(router, routes.list, ({ user }) => subscriptions.list(user));
  bind(router, routes.create, ({ user, body }) => subscriptions.create(user, body));
  bind(router, routes.update, ({ user, params, body }) => subscriptions.update(user, params.id, body));
  bind(router, routes.refresh, ({ user, params }) => subscriptions.refresh(user, params.id));
  bind(router, routes.remove, async ({ user, params }) => void (await subscriptions.remove(user, params.id)));
  return router;
}
