import { contactRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { ChatServices } from './services.ts';

export function contactsRouter(bind: Bind, { contacts, presence }: ChatServices) {
  const router = Router();
  bind(router, contactRoutes.list, ({ user, query }) => contacts.list(user, query));
  bind(router, contactRoutes.add, ({ user, body }) => contacts.add(user, body.userId));
  bind(router, contactRoutes.remove, async ({ user, params }) => void (await contacts.remove(user, params.id)));
  bind(router, contactRoutes.searchUsers, ({ user, query }) => contacts.searchUsers(user, query));
  bind(router, contactRoutes.presence, ({ user }) => presence.list(user));
  return router;
}
