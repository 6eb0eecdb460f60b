import { journalRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { AiService } from '../ai/service.ts';
import type { TaskService } from '../tasks/service.ts';
import type { JournalService } from './service.ts';
import { acceptSuggestions } from './suggestions.ts';
import { summarizeJournal } from './summary.ts';

export function journalRouter(bind: Bind, deps: { journal: JournalService; tasks: TaskService; ai: AiService }) {
  const { journal } = deps;
  const router = Router();
  bind(router, journalRoutes.list, ({ user, query }) => journal.list(user, query));
  bind(router, journalRoutes.create, ({ user, body }) => journal.create(user, body));
  bind(router, journalRoutes.clear, ({ user }) => journal.clear(user));
  bind(router, journalRoutes.summarize, ({ user, body }) => summarizeJournal(deps, user, body));
  bind(router, journalRoutes.accept, ({ user, body }) => acceptSuggestions(deps, user, body.suggestions));
  bind(router, journalRoutes.update, ({ user, params, body }) => journal.update(user, params.id, body));
  bind(router, journalRoutes.remove, async ({ user, params }) => void (await journal.remove(user, params.id)));
  return router;
}
