import { authRoutes } from './auth.ts';
import type { RouteContract } from './http.ts';
import { linkRoutes } from './links.ts';
import { preferenceRoutes } from './preferences.ts';
import { systemRoutes } from './system.ts';
import { userRoutes } from './users.ts';

export * from './auth.ts';
export * from './common.ts';
export * from './events.ts';
export * from './http.ts';
export * from './links.ts';
export * from './preferences.ts';
export * from './system.ts';
export * from './users.ts';

/** Every route of the API, grouped by feature; the OpenAPI document lists exactly these. */
export const routes = {
  system: systemRoutes,
  auth: authRoutes,
  users: userRoutes,
  preferences: preferenceRoutes,
  links: linkRoutes,
} as const;

export const allRoutes: RouteContract[] = Object.values(routes).flatMap((group) => Object.values(group));
