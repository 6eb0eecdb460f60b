import type { Note } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import type { SortKey } from '../../lib/pagination.ts';
import { escapeRegex } from '../../lib/text.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { projectContentBase } from '../../lib/dto.ts';
import { deletedFromProject, projectContent } from '../../sharing/content.ts';
import { NoteModel } from './model.ts';
import type { NoteDoc } from './model.ts';

const byLastEdit: SortKey = { field: 'updatedAt', direction: 'desc' };

export const toNoteDto = (n: NoteDoc): Note => ({ ...projectContentBase(n), title: n.title, content: n.content });

type NoteInput = { projectId?: string | null | undefined; title?: string | undefined; content?: string | undefined };

export function createNoteService(deps: { events: EventBus }) {
  const content = projectContent({
    model: NoteModel,
    entity: 'note',
    label: 'Note',
    toDto: toNoteDto,
    deletedData: deletedFromProject,
    events: deps.events,
  });

  function list(
    actor: AuthUser,
    query: { limit: number; cursor?: string | undefined; projectId?: string | undefined; q?: string | undefined },
  ) {
    const text = query.q ? new RegExp(escapeRegex(query.q), 'i') : undefined;
    return content.list(actor, query, byLastEdit, text ? [{ $or: [{ title: text }, { content: text }] }] : []);
  }

  const create = (actor: AuthUser, input: NoteInput & { title: string }) => content.create(actor, input);

  async function update(actor: AuthUser, id: string, patch: NoteInput) {
    const current = await content.findWritable(actor, id);
    const { audience } = await content.target(actor, current, patch.projectId);
    return toNoteDto(await content.save(actor, current, { $set: patch }, audience));
  }

  const remove = (actor: AuthUser, id: string) => content.remove(actor, id);

  const removeProjectContent = (projectId: string) => NoteModel.deleteMany({ projectId });

  return { list, get: content.get, create, update, remove, removeProjectContent };
}

export type NoteService = ReturnType<typeof createNoteService>;
