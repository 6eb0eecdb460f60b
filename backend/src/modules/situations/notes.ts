import type { AuthUser } from '../../http/auth-guard.ts';
import { notFound } from '../../http/problem.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { checkNoteActor, ownSituation } from './access.ts';
import { toNoteDto } from './dto.ts';
import { SituationNoteModel } from './model.ts';
import type { SituationNoteDoc } from './model.ts';

/** Notes of a situation, each about one of its actors or general (`actorId` null); Markdown, never trimmed. */
export function createSituationNoteService(deps: { events: EventBus }) {
  async function create(actor: AuthUser, situationId: string, input: { actorId: string | null; content: string }) {
    await ownSituation(actor, situationId);
    await checkNoteActor(actor, situationId, input.actorId);
    const created = await SituationNoteModel.create({ ...input, userId: actor.id, situationId });
    const note = toNoteDto(created.toObject() as SituationNoteDoc);
    await deps.events.emit({ type: 'situationNote.created', userId: actor.id, data: note });
    return note;
  }

  async function update(
    actor: AuthUser,
    situationId: string,
    noteId: string,
    patch: { actorId?: string | null | undefined; content?: string | undefined },
  ) {
    await ownSituation(actor, situationId);
    await checkNoteActor(actor, situationId, patch.actorId);
    const mine = { _id: noteId, userId: actor.id, situationId };
    const { matchedCount } = await SituationNoteModel.updateOne(mine, { $set: patch });
    if (matchedCount === 0) throw notFound('Note');
    const updated = await SituationNoteModel.findOne(mine).lean<SituationNoteDoc>();
    if (!updated) throw notFound('Note');
    const note = toNoteDto(updated);
    await deps.events.emit({ type: 'situationNote.updated', userId: actor.id, data: note });
    return note;
  }

  async function remove(actor: AuthUser, situationId: string, noteId: string) {
    await ownSituation(actor, situationId);
    const { deletedCount } = await SituationNoteModel.deleteOne({ _id: noteId, userId: actor.id, situationId });
    if (deletedCount === 0) throw notFound('Note');
    await deps.events.emit({ type: 'situationNote.deleted', userId: actor.id, data: { id: noteId, situationId } });
  }

  return { create, update, remove };
}

export type SituationNoteService = ReturnType<typeof createSituationNoteService>;
