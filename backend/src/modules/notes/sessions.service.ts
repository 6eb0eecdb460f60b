import type { NoteSession } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { HttpError, problemTypes } from '../../http/problem.ts';
import { after, byNewest, sortOf, toPage } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { idOrNull, isoOrNull, projectContentBase } from '../../lib/dto.ts';
import { contentFilter, enterProject, projectScope } from '../../sharing/access.ts';
import { projectContent } from '../../sharing/content.ts';
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
    deletedData: (s: NoteSessionDoc) => ({ id: String(s._id), projectId: idOrNull(s.projectId) }),
    events: deps.events,
  });

  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined; projectId?: string | undefined }) {
    const clauses: Record<string, unknown>[] = [await contentFilter(actor), after(byNewest, query.cursor)];
    clauses.push(await projectScope(actor, query.projectId));
    const rows = await NoteSessionModel.find({ $and: clauses })
      .sort(sortOf(byNewest))
      .limit(query.limit + 1)
      .lean<NoteSessionDoc[]>();
    return toPage(rows, query.limit, byNewest, toNoteSessionDto);
  }

  const get = async (actor: AuthUser, id: string) => toNoteSessionDto(await content.findVisible(actor, id));

  async function create(actor: AuthUser, input: { projectId: string | null; name: string }) {
    const audience = await enterProject(actor, input.projectId);
    const session = (await NoteSessionModel.create({ ...input, userId: actor.id })).toObject() as NoteSessionDoc;
    await content.announce('created', session, audience);
    return toNoteSessionDto(session);
  }

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
  async function remove(actor: AuthUser, id: string) {
    const { doc: session, audience } = await content.findWritable(actor, id);
    await NoteLineModel.deleteMany({ sessionId: session._id }).setOptions({ tenancy: 'system' });
    await NoteSessionModel.deleteOne({ _id: session._id, userId: session.userId });
    await content.announceDeleted(actor, session, audience);
  }

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

  const { findVisible, findWritable } = content;
  return { list, get, create, update, remove, summarize, removeProjectContent, findVisible, findWritable };
}

export type NoteSessionService = ReturnType<typeof createNoteSessionService>;
