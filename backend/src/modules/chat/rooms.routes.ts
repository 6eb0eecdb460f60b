import { roomRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { ChatServices } from './services.ts';

export function roomsRouter(bind: Bind, { rooms, reads }: ChatServices) {
  const router = Router();
  bind(router, roomRoutes.list, ({ user, query }) => rooms.list(user, query));
  bind(router, roomRoutes.create, ({ user, body }) => rooms.create(user, body));
  bind(router, roomRoutes.get, ({ user, params }) => rooms.get(user, params.id));
  bind(router, roomRoutes.updateMine, ({ user, params, body }) => rooms.updateMine(user, params.id, body));
  bind(router, roomRoutes.update, ({ user, params, body }) => rooms.rename(user, params.id, body.name));
  bind(router, roomRoutes.remove, ({ user, params }) => rooms.remove(user, params.id));
  bind(router, roomRoutes.addMembers, ({ user, params, body }) => rooms.addMembers(user, params.id, body.userIds));
  bind(router, roomRoutes.removeMember, ({ user, params }) => rooms.removeMember(user, params.id, params.userId));
  bind(router, roomRoutes.read, ({ user, params, body }) => reads.markRead(user, params.id, body.messageId));
  return router;
}
