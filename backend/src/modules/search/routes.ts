import { searchRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { SearchService } from './service.ts';

export function searchRouter(bind: Bind, search: SearchService) {
  const router = Router();
  bind(router, searchRoutes.aiStatus, ({ user }) => search.status(user));
  bind(router, searchRoutes.collectionInfo, ({ user }) => search.collectionInfo(user));
  bind(router, searchRoutes.search, ({ user, query }) => search.search(user, query));
  return router;
}
