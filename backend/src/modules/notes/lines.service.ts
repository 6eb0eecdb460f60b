import type { NoteLine } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { allOf } from '../../lib/filters.ts';
import { after, sortOf, toPage } from '../../lib/pagination.ts';
import type { SortKey } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { idOrNull, projectContentBase } from '../../lib/dto.ts';
import { keyAfter } from '../../lib/order-keys.ts';
import { projectContent } from '../../sharing/content.ts';
import { NoteLineModel } from './sessions.model.ts';
import type { NoteLineDoc } from './sessions.model.ts';
import type { NoteSessionService } from './sessions.service.ts';

const byRank: SortKey = { field: 'rank', direction: 'asc' };

export const toNoteLineDto = (l: NoteLineDoc): NoteLine => ({
  ...projectContentBase(l),
  sessionId: String(l.sessionId),
  content: l.content,
  rank: l.rank,
});

/** Lines are reached through their session: whoever sees the session sees and writes its lines. */
export function createNoteLineService(deps: { events: EventBus; sessions: NoteSessionService }) {
  const content = projectContent({
    model: NoteLineModel,
    entity: 'noteLine',
    label: 'Line',
    toDto: toNoteLineDto,
    events: deps.events,
    deletedData: (l: NoteLineDoc) => ({
      id: String(l._id),
      sessionId: String(l.sessionId),
      projectId: idOrNull(l.projectId),
    }),
  });

  async function list(actor: AuthUser, query: { sessionId: string; limit: number; cursor?: string | undefined }) {
    const session = await deps.sessions.findVisible(actor, query.sessionId);
    const rows = await NoteLineModel.find(allOf({ sessionId: session._id }, after(byRank, query.cursor)))
      .setOptions({ tenancy: 'system' }) // access was decided by the session
      .sort(sortOf(byRank))
      .limit(query.limit + 1)
      .lean<NoteLineDoc[]>();
    return toPage(rows, query.limit, byRank, toNoteLineDto);
  }

  async function create(actor: AuthUser, input: { sessionId: string; content: string; rank?: string | undefined }) {
    const { doc: session, audience } = await deps.sessions.findWritable(actor, input.sessionId);
    const last = input.rank
      ? undefined
      : await NoteLineModel.findOne({ sessionId: session._id }, { rank: 1 })
          .setOptions({ tenancy: 'system' }) // access was decided by the session
          .sort({ rank: -1 })
          .lean<{ rank: string }>();
    // Appended lines go last.
    const _id = new Types.ObjectId();
    const rank = input.rank ?? keyAfter(last?.rank, _id);
    return content.create(actor, { _id, ...input, rank, projectId: session.projectId ?? null }, audience);
  }

  async function update(actor: AuthUser, id: string, patch: { content?: string | undefined; rank?: string | undefined }) {
    const current = await content.findWritable(actor, id);
    return toNoteLineDto(await content.save(actor, current, { $set: patch }));
  }

  const remove = (actor: AuthUser, id: string) => content.remove(actor, id);

  return { list, create, update, remove };
}

export type NoteLineService = ReturnType<typeof createNoteLineService>;
