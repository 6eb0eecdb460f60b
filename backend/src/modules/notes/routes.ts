import { noteRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { NoteService } from './service.ts';

export function notesRouter(bind: Bind, notes: NoteService) {
  const router = Router();
  bind(router, noteRoutes.list, ({ user, query }) => notes.list(user, query));
  bind(router, noteRoutes.create, ({ user, body }) => notes.create(user, body));
  bind(router, noteRoutes.get, ({ user, params }) => notes.get(user, params.id));
  bind(router, noteRoutes.update, ({ user, params, body }) => notes.update(user, params.id, body));
  bind(router, noteRoutes.remove, async ({ user, params }) => void (await notes.remove(user, params.id)));
  return router;
}
