import { dashboardLimits } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import { sharedRead } from '../dashboard/service.ts';
import type { DashboardSection } from '../dashboard/service.ts';
import { idOrNull } from '../../lib/dto.ts';
import { ONE_BATCH } from '../../lib/filters.ts';
import { contentFilter } from '../../sharing/access.ts';
import { NoteModel } from './model.ts';

/** What the dashboard shows and counts of each note. */
export interface NoteFact {
  _id: Types.ObjectId;
  title: string;
  projectId: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The list fields of every note the caller sees, in one narrow read: recent notes, activity and the portfolio's counts. */
export const noteFacts = sharedRead(async ({ actor }) =>
  NoteModel.find(await contentFilter(actor), { title: 1, projectId: 1, createdAt: 1, updatedAt: 1 })
    .batchSize(ONE_BATCH)
    .lean<NoteFact[]>(),
);

const byLatestEdit = (a: NoteFact, b: NoteFact) =>
  b.updatedAt.getTime() - a.updatedAt.getTime() || String(b._id).localeCompare(String(a._id));

export const recentNotes: DashboardSection<'recentNotes'> = async (ctx) =>
  [...(await noteFacts(ctx))]
    .sort(byLatestEdit)
    .slice(0, dashboardLimits.recentNotes)
    .map((n) => ({ id: String(n._id), title: n.title, projectId: idOrNull(n.projectId), updatedAt: n.updatedAt.toISOString() }));
