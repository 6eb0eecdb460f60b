import { createHash } from 'node:crypto';
import type { JournalSuggestion, Task } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest } from '../../http/problem.ts';
import { memberProjectIds } from '../../sharing/access.ts';
import type { TaskService } from '../tasks/service.ts';
import type { JournalService } from './service.ts';

/**
 * The id of the task made from these entries of this user: the same entries always give the same id,
 * so a second acceptance (another tab, a retry, a double click) is an insert refused on `_id`,
 * decided by the database on every backend, never a read that two requests pass at once.
 */
export function suggestionTaskId(userId: string, entryIds: readonly string[]) {
  const key = `journal:${userId}:${[...entryIds].sort().join(',')}`;
  return new Types.ObjectId(createHash('sha256').update(key).digest('hex').slice(0, 24));
}

/**
 * Accepting suggestions: every entry and project is checked before the first task is written (a
 * refusal creates nothing), then each task is inserted under its deterministic id; the ones whose
 * entries were already accepted are counted, not created again.
 */
export async function acceptSuggestions(
  deps: { journal: JournalService; tasks: TaskService },
  actor: AuthUser,
  suggestions: JournalSuggestion[],
) {
  const known = await deps.journal.existing(actor, [...new Set(suggestions.flatMap((s) => s.entryIds))]);
  const projects = new Set((await memberProjectIds(actor)).map(String));
  suggestions.forEach((suggestion, index) => {
    const missing = suggestion.entryIds.find((id) => !known.has(id));
    if (missing) throw fieldError(`body.suggestions.${index}.entryIds`, 'no such journal entry');
    if (suggestion.projectId && !projects.has(suggestion.projectId)) {
      throw fieldError(`body.suggestions.${index}.projectId`, 'no such project');
    }
  });

  const created: Task[] = [];
  let duplicates = 0;
  for (const suggestion of suggestions) {
    const ids = [...new Set(suggestion.entryIds)].sort();
    try {
      created.push(
        await deps.tasks.create(
          actor,
          { title: suggestion.title, notes: suggestion.notes, projectId: suggestion.projectId, source: { kind: 'journal', ids } },
          suggestionTaskId(actor.id, ids),
        ),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      duplicates++;
    }
  }
  return { created, duplicates };
}

const fieldError = (path: string, message: string) => badRequest(`${path}: ${message}`, [{ path, message }]);
