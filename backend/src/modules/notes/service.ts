import type { Note } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { after, sortOf, toPage } from '../../lib/pagination.ts';
import type { SortKey } from '../../lib/pagination.ts';
import { escapeRegex } from '../../lib/text.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { idOrNull, projectContentBase } from '../../lib/dto.ts';
import { contentFilter, enterProject, projectScope } from '../../sharing/access.ts';
import { projectContent } from '../../sharing/content.ts';
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
    deletedData: (n: NoteDoc) => ({ id: String(n._id), projectId: idOrNull(n.projectId) }),
    events: deps.events,
  });

  async function list(
    actor: AuthUser,
    query: { limit: number; cursor?: string | undefined; projectId?: string | undefined; q?: string | undefined },
  ) {
    const clauses: Record<string, unknown>[] = [await contentFilter(actor)];
    clauses.push(await projectScope(actor, query.projectId));
    if (query.q) {
      const text = new RegExp(escapeRegex(query.q), 'i');
      clauses.push({ $or: [{ title: text }, { content: text }] });
    }
    clauses.push(after(byLastEdit, query.cursor));
    const rows = await NoteModel.find({ $and: clauses })
      .sort(sortOf(byLastEdit))
      .limit(query.limit + 1)
      .lean<NoteDoc[]>();
    return toPage(rows, query.limit, byLastEdit, toNoteDto);
  }

  const get = async (actor: AuthUser, id: string) => toNoteDto(await content.findVisible(actor, id));

  async function create(actor: AuthUser, input: NoteInput & { title: string }) {
    const audience = await enterProject(actor, input.projectId);
    const created = await NoteModel.create({ ...input, userId: actor.id });
    const note = created.toObject() as NoteDoc;
    await content.announce('created', note, audience);
    return toNoteDto(note);
  }

  async function update(actor: AuthUser, id: string, patch: NoteInput) {
    const current = await content.findWritable(actor, id);
    const { audience } = await content.target(actor, current, patch.projectId);
    return toNoteDto(await content.save(actor, current, { $set: patch }, audience));
  }

  async function remove(actor: AuthUser, id: string) {
    const { doc: note, audience } = await content.findWritable(actor, id);
    await NoteModel.deleteOne({ _id: note._id, userId: note.userId });
    await content.announceDeleted(actor, note, audience);
  }

  const removeProjectContent = (projectId: string) => NoteModel.deleteMany({ projectId });

  return { list, get, create, update, remove, removeProjectContent };
}

export type NoteService = ReturnType<typeof createNoteService>;
