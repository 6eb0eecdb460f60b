import type { NoteSession } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { HttpError, problemTypes } from '../../http/problem.ts';
import { byNewest } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { isoOrNull, projectContentBase } from '../../lib/dto.ts';
import { deletedFromProject, projectContent } from '../../sharing/content.ts';
import { NoteLineModel, NoteSessionModel } from './sessions.model.ts';
import type { NoteSessionDoc } from './sessions.model.ts';

export const toNoteSessionDto = (s: NoteSessionDoc): NoteSession => ({
  ...projectContentBase(s),
  name: s.name,
  aiSummary: s.aiSummary ?? null,
  aiSummaryAt: isoOrNull(s.aiSummaryAt),
  closedAt: isoOrNull(s.closedAt),
});

/** Turns a session's lines into a summary; absent when no language model is configured. */
export type Summarizer = (lines: string[]) => Promise<string>;

export function createNoteSessionService(deps: { events: EventBus; summarize?: Summarizer | undefined }) {
  const content = projectContent({
    model: NoteSessionModel,
    entity: 'noteSession',
    label: 'Session',
    toDto: toNoteSessionDto,
    deletedData: deletedFromProject,
    events: deps.events,
  });

  const list = (actor: AuthUser, query: { limit: number; cursor?: string | undefined; projectId?: string | undefined }) =>
    content.list(actor, query, byNewest);

  const create = (actor: AuthUser, input: { projectId: string | null; name: string }) => content.create(actor, input);

  /** Moving a session moves its lines first, so no line is ever left in the old project. */
  async function update(
    actor: AuthUser,
    id: string,
    patch: { projectId?: string | null | undefined; name?: string | undefined; closed?: boolean | undefined },
  ) {
    const current = await content.findWritable(actor, id);
    const { moving, audience } = await content.target(actor, current, patch.projectId);
    if (moving) {
      await NoteLineModel.updateMany({ sessionId: current.doc._id }, { $set: { projectId: patch.projectId } }).setOptions({
        tenancy: 'system',
      });
    }
    const { closed, ...fields } = patch;
    const closedAt = closed === undefined ? {} : { closedAt: closed ? new Date() : null };
    return toNoteSessionDto(await content.save(actor, current, { $set: { ...fields, ...closedAt } }, audience));
  }

  /** Lines go first, then the session: a crash in between leaves a session without lines, never orphan lines. */
  const remove = (actor: AuthUser, id: string) =>
    content.remove(actor, id, (session) =>
      NoteLineModel.deleteMany({ sessionId: session._id }).setOptions({ tenancy: 'system' }),
    );

  async function summarize(actor: AuthUser, id: string) {
    const session = await content.findWritable(actor, id);
    if (!deps.summarize) {
      throw new HttpError(
        503,
        problemTypes.unavailable,
        'AI unavailable',
        'No language model is configured on this server, so sessions cannot be summarised yet',
      );
    }
    const lines = await NoteLineModel.find({ sessionId: session.doc._id })
      .setOptions({ tenancy: 'system' })
      .sort({ rank: 1, _id: 1 })
      .lean();
    const summary = await deps.summarize(lines.map((line) => line.content));
    const update = { $set: { aiSummary: summary, aiSummaryAt: new Date() } };
    return { session: toNoteSessionDto(await content.save(actor, session, update)) };
  }

  async function removeProjectContent(projectId: string) {
    await NoteLineModel.deleteMany({ projectId });
    await NoteSessionModel.deleteMany({ projectId });
  }

  const { get, findVisible, findWritable } = content;
  return { list, get, create, update, remove, summarize, removeProjectContent, findVisible, findWritable };
}

export type NoteSessionService = ReturnType<typeof createNoteSessionService>;
