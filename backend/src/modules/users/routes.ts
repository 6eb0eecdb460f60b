import { userRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { UserService } from './service.ts';

export function usersRouter(bind: Bind, users: UserService) {
  const router = Router();
  bind(router, userRoutes.avatar, async ({ params, res }) => void (await users.sendAvatar(params.id, res)));
  bind(router, userRoutes.setAvatar, ({ user, body }) => users.setAvatar(user, body.fileId));
  bind(router, userRoutes.list, ({ query }) => users.list(query));
  bind(router, userRoutes.create, ({ body }) => users.create(body));
  bind(router, userRoutes.update, ({ user, params, body }) => users.update(user, params.id, body));
  return router;
}
