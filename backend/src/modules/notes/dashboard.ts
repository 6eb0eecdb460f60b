import { dashboardLimits } from '@panoramix/contracts';
import type { DashboardSection } from '../dashboard/service.ts';
import { idOrNull } from '../../lib/dto.ts';
import { contentFilter } from '../../sharing/access.ts';
import { NoteModel } from './model.ts';

export const recentNotes: DashboardSection<'recentNotes'> = async ({ actor }) => {
  const rows = await NoteModel.find(await contentFilter(actor), { title: 1, projectId: 1, updatedAt: 1 })
    .sort({ updatedAt: -1, _id: -1 })
    .limit(dashboardLimits.recentNotes)
    .lean();
  return rows.map((n) => ({
    id: String(n._id),
    title: n.title,
    projectId: idOrNull(n.projectId),
    updatedAt: n.updatedAt.toISOString(),
  }));
};
