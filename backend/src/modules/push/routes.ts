import { pushRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { PushService } from './service.ts';

export function pushRouter(bind: Bind, push: PushService) {
  const router = Router();
  bind(router, pushRoutes.vapidKey, () => push.publicKey());
  bind(router, pushRoutes.list, ({ user }) => push.list(user));
  bind(router, pushRoutes.register, ({ user, body }) => push.register(user, body));
  bind(router, pushRoutes.remove, async ({ user, params }) => void (await push.remove(user, params.id)));
  return router;
}
