import { preferenceRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { PreferencesService } from './service.ts';

export function preferencesRouter(bind: Bind, preferences: PreferencesService) {
  const router = Router();
  bind(router, preferenceRoutes.get, ({ user }) => preferences.get(user));
  bind(router, preferenceRoutes.update, ({ user, body }) => preferences.update(user, body));
  return router;
}
