import { situationRoutes as r } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { SituationServices } from './services.ts';

export function situationsRouter(bind: Bind, s: SituationServices) {
  const router = Router();
  bind(router, r.list, ({ user, query }) => s.situations.list(user, query));
  bind(router, r.create, ({ user, body }) => s.situations.create(user, body));
  bind(router, r.get, ({ user, params }) => s.situations.get(user, params.id));
  bind(router, r.update, ({ user, params, body }) => s.situations.update(user, params.id, body));
  bind(router, r.remove, async ({ user, params }) => void (await s.situations.remove(user, params.id)));
  bind(router, r.createActor, ({ user, params, body }) => s.actors.create(user, params.id, body));
  bind(router, r.updateActor, ({ user, params, body }) => s.actors.update(user, params.id, params.actorId, body));
  bind(router, r.removeActor, async ({ user, params }) => void (await s.actors.remove(user, params.id, params.actorId)));
  bind(router, r.createNote, ({ user, params, body }) => s.notes.create(user, params.id, body));
  bind(router, r.updateNote, ({ user, params, body }) => s.notes.update(user, params.id, params.noteId, body));
  bind(router, r.removeNote, async ({ user, params }) => void (await s.notes.remove(user, params.id, params.noteId)));
  bind(router, r.putQuestions, ({ user, params, body }) =>
    s.answers.putQuestions(user, params.id, params.actorId, body.questions),
  );
  bind(
    router,
    r.removeQuestions,
    async ({ user, params }) => void (await s.answers.removeQuestions(user, params.id, params.actorId)),
  );
  bind(router, r.putSummary, ({ user, params, body }) => s.answers.putSummary(user, params.id, body.text));
  bind(router, r.removeSummary, async ({ user, params }) => void (await s.answers.removeSummary(user, params.id)));
  bind(router, r.runAi, ({ user, params }) => s.ai.request(user, params.id, params.kind));
  return router;
}
