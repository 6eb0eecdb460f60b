import type { NoteSession } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { HttpError, problemTypes } from '../../http/problem.ts';
import { after, byNewest, sortOf, toPage } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { contentFilter, projectScope, requireProjectForContent } from '../projects/access.ts';
import { projectContent } from '../projects/content.ts';
import { NoteLineModel, NoteSessionModel } from './sessions.model.ts';
import type { NoteSessionDoc } from './sessions.model.ts';

export const toNoteSessionDto = (s: NoteSessionDoc): NoteSession => ({
  id: String(s._id),
  userId: String(s.userId),
  projectId: s.projectId ? String(s.projectId) : null,
  name: s.name,
  aiSummary: s.aiSummary ?? null,
  aiSummaryAt: s.aiSummaryAt ? s.aiSummaryAt.toISOString() : null,
  closedAt: s.closedAt ? s.closedAt.toISOString() : null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

/** Turns a session's lines into a summary; absent when no language model is configured. */
export type Summarizer = (lines: string[]) => Promise<string>;

export function createNoteSessionService(deps: { events: EventBus; summarize?: Summarizer | undefined }) {
  const content = projectContent({
    model: NoteSessionModel,
    entity: 'noteSession',
    label: 'Session',
    toDto: toNoteSessionDto,
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
    if (input.projectId) await requireProjectForContent(actor, input.projectId);
    const session = (await NoteSessionModel.create({ ...input, userId: actor.id })).toObject() as NoteSessionDoc;
    await content.announce('created', session);
    return toNoteSessionDto(session);
  }

  /** Moving a session moves its lines first, so no line is ever left in the old project. */
  async function update(
    actor: AuthUser,
    id: string,
    patch: { projectId?: string | null | undefined; name?: string | undefined; closed?: boolean | undefined },
  ) {
    const current = await content.findVisible(actor, id);
    const moving = await content.checkMove(actor, current, patch.projectId);
    if (moving) {
      await NoteLineModel.updateMany({ sessionId: current._id }, { $set: { projectId: patch.projectId } }).setOptions({
        tenancy: 'system',
      });
    }
    const { closed, ...fields } = patch;
    const closedAt = closed === undefined ? {} : { closedAt: closed ? new Date() : null };
    const updated = await content.save(current, { $set: { ...fields, ...closedAt } });
    if (moving) await content.announceMove(actor, current, updated);
    return toNoteSessionDto(updated);
  }

  /** Lines go first, then the session: a crash in between leaves a session without lines, never orphan lines. */
  async function remove(actor: AuthUser, id: string) {
    const session = await content.findVisible(actor, id);
    await NoteLineModel.deleteMany({ sessionId: session._id }).setOptions({ tenancy: 'system' });
    await NoteSessionModel.deleteOne({ _id: session._id, userId: session.userId });
    await content.announceDeleted(actor, session);
  }

  async function summarize(actor: AuthUser, id: string) {
    const session = await content.findVisible(actor, id);
    if (!deps.summarize) {
      throw new HttpError(
        503,
        problemTypes.unavailable,
        'AI unavailable',
        'No language model is configured on this server, so sessions cannot be summarised yet',
      );
    }
    const lines = await NoteLineModel.find({ sessionId: session._id })
      .setOptions({ tenancy: 'system' })
      .sort({ rank: 1, _id: 1 })
      .lean();
    const summary = await deps.summarize(lines.map((line) => line.content));
    return { session: toNoteSessionDto(await content.save(session, { $set: { aiSummary: summary, aiSummaryAt: new Date() } })) };
  }

  async function removeProjectContent(projectId: string) {
    await NoteLineModel.deleteMany({ projectId });
    await NoteSessionModel.deleteMany({ projectId });
  }

  return { list, get, create, update, remove, summarize, removeProjectContent, findVisible: content.findVisible };
}

export type NoteSessionService = ReturnType<typeof createNoteSessionService>;
