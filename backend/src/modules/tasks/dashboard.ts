import { DAY_MS, DUE_SOON_DAYS, dashboardLimits, openStatuses, taskStatuses } from '@panoramix/contracts';
import type { DashboardSection } from '../dashboard/service.ts';
import { contentFilter } from '../../sharing/access.ts';
import { TaskModel } from './model.ts';
import type { TaskDoc } from './model.ts';
import { toTaskDto } from './service.ts';

export const taskCounts: DashboardSection<'taskCounts'> = async ({ actor }) => {
  const groups = await TaskModel.aggregate<{ _id: string; n: number }>([
    { $match: await contentFilter(actor) },
    { $group: { _id: '$status', n: { $sum: 1 } } },
  ]);
  const counts = Object.fromEntries(taskStatuses.map((status) => [status, 0])) as Record<(typeof taskStatuses)[number], number>;
  for (const group of groups) counts[group._id as keyof typeof counts] = group.n;
  return counts;
};

const openWithDeadline = async (ctx: Parameters<DashboardSection<'overdueTasks'>>[0], deadline: Record<string, Date>) => {
  const rows = await TaskModel.find({ $and: [await contentFilter(ctx.actor), { status: { $in: openStatuses }, deadline }] })
    .sort({ deadline: 1, _id: 1 })
    .limit(dashboardLimits.deadlineTasks)
    .lean<TaskDoc[]>();
  return rows.map(toTaskDto);
};

export const overdueTasks: DashboardSection<'overdueTasks'> = (ctx) => openWithDeadline(ctx, { $lt: ctx.now });

export const dueSoonTasks: DashboardSection<'dueSoonTasks'> = (ctx) =>
  openWithDeadline(ctx, { $gte: ctx.now, $lte: new Date(ctx.now.getTime() + DUE_SOON_DAYS * DAY_MS) });
