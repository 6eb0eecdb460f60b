import { fileRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { FileService } from './service.ts';

export function filesRouter(bind: Bind, files: FileService) {
  const router = Router();
  bind(router, fileRoutes.list, ({ user, query }) => files.list(user, query));
  bind(router, fileRoutes.upload, ({ user, file, body }) => files.upload(user, file, body));
  bind(router, fileRoutes.get, ({ user, params }) => files.get(user, params.id));
  bind(router, fileRoutes.content, async ({ user, params, res }) => void (await files.download(user, params.id, res)));
  bind(router, fileRoutes.update, ({ user, params, body }) => files.update(user, params.id, body));
  bind(router, fileRoutes.remove, async ({ user, params }) => void (await files.remove(user, params.id)));
  return router;
}
