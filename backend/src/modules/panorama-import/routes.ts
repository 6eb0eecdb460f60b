import { panoramaImportRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { PanoramaImportService } from './service.ts';

export function panoramaImportRouter(bind: Bind, imports: PanoramaImportService) {
  const router = Router();
  bind(router, panoramaImportRoutes.start, ({ user, file, body }) => imports.start(user, file, body));
  bind(router, panoramaImportRoutes.addFile, ({ user, params, file }) => imports.addFile(user, params.id, file));
  bind(router, panoramaImportRoutes.get, ({ user, params }) => imports.get(user, params.id));
  return router;
}
