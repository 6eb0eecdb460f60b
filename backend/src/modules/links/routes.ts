import { linkRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { LinkService } from './service.ts';

export function linksRouter(bind: Bind, links: LinkService) {
  const router = Router();
  bind(router, linkRoutes.list, ({ user, query }) => links.list(user, query));
  bind(router, linkRoutes.create, ({ user, body }) => links.create(user, body));
  bind(router, linkRoutes.get, ({ user, params }) => links.get(user, params.id));
  bind(router, linkRoutes.update, ({ user, params, body }) => links.update(user, params.id, body));
  bind(router, linkRoutes.click, ({ user, params }) => links.click(user, params.id));
  bind(router, linkRoutes.remove, async ({ user, params }) => void (await links.remove(user, params.id)));
  return router;
}
