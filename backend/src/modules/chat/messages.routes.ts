import { messageRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { ChatServices } from './services.ts';

export function messagesRouter(bind: Bind, { messages, reactions }: ChatServices) {
  const router = Router();
  bind(router, messageRoutes.list, ({ user, params, query }) => messages.list(user, params.id, query));
  bind(router, messageRoutes.send, ({ user, params, body }) => messages.send(user, params.id, body));
  bind(router, messageRoutes.edit, ({ user, params, body }) => messages.edit(user, params.id, body.text));
  bind(router, messageRoutes.remove, ({ user, params }) => messages.remove(user, params.id));
  bind(router, messageRoutes.react, ({ user, params, body }) => reactions.toggle(user, params.id, body.emoji));
  return router;
}
