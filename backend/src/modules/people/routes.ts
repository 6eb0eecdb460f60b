import { peopleRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { PeopleImport } from './import.ts';
import type { PeopleService } from './service.ts';

export function peopleRouter(bind: Bind, people: PeopleService, imports: PeopleImport) {
  const router = Router();
  // The fixed paths before `/:id`, which would take "export" for an id.
  bind(router, peopleRoutes.list, ({ user, query }) => people.list(user, query));
  bind(router, peopleRoutes.exportCsv, async ({ user, query, res }) => void (await people.exportCsv(user, query, res)));
  bind(router, peopleRoutes.tree, ({ user }) => people.tree(user));
  bind(router, peopleRoutes.previewImport, ({ user, file }) => imports.preview(user, file.path));
  bind(router, peopleRoutes.applyImport, ({ user, file }) => imports.apply(user, file.path));
  bind(router, peopleRoutes.create, ({ user, body }) => people.create(user, body));
  bind(router, peopleRoutes.get, ({ user, params }) => people.get(user, params.id));
  bind(router, peopleRoutes.update, ({ user, params, body }) => people.update(user, params.id, body));
  bind(router, peopleRoutes.remove, async ({ user, params }) => void (await people.remove(user, params.id)));
  return router;
}
