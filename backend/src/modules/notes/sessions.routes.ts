import { noteLineRoutes, noteSessionRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { NoteLineService } from './lines.service.ts';
import type { NoteSessionService } from './sessions.service.ts';

export function noteSessionsRouter(bind: Bind, sessions: NoteSessionService, lines: NoteLineService) {
  const router = Router();
  bind(router, noteSessionRoutes.list, ({ user, query }) => sessions.list(user, query));
  bind(router, noteSessionRoutes.create, ({ user, body }) => sessions.create(user, body));
  bind(router, noteSessionRoutes.get, ({ user, params }) => sessions.get(user, params.id));
  bind(router, noteSessionRoutes.update, ({ user, params, body }) => sessions.update(user, params.id, body));
  bind(router, noteSessionRoutes.remove, async ({ user, params }) => void (await sessions.remove(user, params.id)));
  bind(router, noteSessionRoutes.summarize, ({ user, params }) => sessions.summarize(user, params.id));

  bind(router, noteLineRoutes.list, ({ user, query }) => lines.list(user, query));
  bind(router, noteLineRoutes.create, ({ user, body }) => lines.create(user, body));
  bind(router, noteLineRoutes.update, ({ user, params, body }) => lines.update(user, params.id, body));
  bind(router, noteLineRoutes.remove, async ({ user, params }) => void (await lines.remove(user, params.id)));
  return router;
}
