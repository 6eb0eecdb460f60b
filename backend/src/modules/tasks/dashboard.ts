import { DAY_MS, DUE_SOON_DAYS, dashboardLimits, taskStatuses } from '@panoramix/contracts';
import type { TaskStatus } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import { sharedRead } from '../dashboard/service.ts';
import type { DashboardContext, DashboardSection } from '../dashboard/service.ts';
import { isFerretDb } from '../../db/engine.ts';
import { ONE_BATCH } from '../../lib/filters.ts';
import { contentFilter } from '../../sharing/access.ts';
import { TaskModel } from './model.ts';
import type { TaskDoc } from './model.ts';
import { toTaskDto } from './service.ts';

/** What the dashboard counts of each task. */
export interface TaskFact {
  _id: Types.ObjectId;
  projectId: Types.ObjectId | null;
  status: TaskStatus;
  open: boolean;
  deadline: Date | null;
  statusChangedAt: Date;
}

const factFields = { projectId: 1, status: 1, open: 1, deadline: 1, statusChangedAt: 1 } as const;

/**
 * The fields the counts need of every task the caller sees, in one read: counted here rather than
 * by the database because FerretDB v1 has no `$cond` or `$facet` to count by status and by deadline
 * in one aggregate, and five aggregates would each read the whole collection. On MongoDB the read
 * is narrow and the tasks the sections list are read again by `_id` (shownTasks). FerretDB v1 reads
 * every document whole whatever the projection, and would answer that second read by reading the
 * collection once more, so there the facts are the whole documents and the lists come from them:
 * Accueil's overview over 1,000 tasks went from two scans to one (bench/src/lighthouse.bench.ts).
 */
export const taskFacts = sharedRead(async ({ actor }): Promise<TaskFact[]> => {
  const whole = await isFerretDb();
  return TaskModel.find(await contentFilter(actor), whole ? {} : factFields)
    .batchSize(ONE_BATCH)
    .lean<TaskFact[]>();
});

const dueSoonEnd = (now: Date) => new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS);
/** The contracts' isOverdue and isDueSoon (dashboard-rules.ts), on the facts read here. */
export const isOverdue = (task: TaskFact, now: Date) => task.open && task.deadline !== null && task.deadline < now;
export const isDueSoon = (task: TaskFact, now: Date) =>
  task.open && task.deadline !== null && task.deadline >= now && task.deadline <= dueSoonEnd(now);

const byId = (a: { _id: Types.ObjectId }, b: { _id: Types.ObjectId }) => String(a._id).localeCompare(String(b._id));
const byDeadline = (a: TaskFact, b: TaskFact) => a.deadline!.getTime() - b.deadline!.getTime() || byId(a, b);
const byLatestChange = (a: TaskFact, b: TaskFact) => b.statusChangedAt.getTime() - a.statusChangedAt.getTime() || byId(b, a);

/** The tasks the sections list, chosen from the facts and read in full by id: a bounded read. */
const shownTasks = sharedRead(async (ctx: DashboardContext) => {
  const facts = await taskFacts(ctx);
  const overdue = facts
    .filter((task) => isOverdue(task, ctx.now))
    .sort(byDeadline)
    .slice(0, dashboardLimits.deadlineTasks);
  const dueSoon = facts
    .filter((task) => isDueSoon(task, ctx.now))
    .sort(byDeadline)
    .slice(0, dashboardLimits.deadlineTasks);
  const done = facts
    .filter((task) => task.status === 'done' && task.statusChangedAt >= ctx.since)
    .sort(byLatestChange)
    .slice(0, dashboardLimits.activity);
  const listed = [...overdue, ...dueSoon, ...done];
  const docs = (await isFerretDb())
    ? (listed as TaskDoc[]) // the whole documents already (taskFacts)
    : listed.length === 0
      ? []
      : await TaskModel.find({ _id: { $in: listed.map((task) => task._id) }, ...(await contentFilter(ctx.actor)) }).lean<
          TaskDoc[]
        >();
  const found = new Map(docs.map((doc) => [String(doc._id), doc]));
  const inFull = (rows: TaskFact[]) => rows.flatMap((row) => found.get(String(row._id)) ?? []);
  return { overdue: inFull(overdue), dueSoon: inFull(dueSoon), done: inFull(done) };
});

/** The caller's tasks done within the activity window, latest first. */
export const doneInWindow = async (ctx: DashboardContext) => (await shownTasks(ctx)).done;

export const taskCounts: DashboardSection<'taskCounts'> = async (ctx) => {
  const counts = Object.fromEntries(taskStatuses.map((status) => [status, 0])) as Record<TaskStatus, number>;
  for (const task of await taskFacts(ctx)) counts[task.status] += 1;
  return counts;
};

export const overdueTasks: DashboardSection<'overdueTasks'> = async (ctx) => (await shownTasks(ctx)).overdue.map(toTaskDto);

export const dueSoonTasks: DashboardSection<'dueSoonTasks'> = async (ctx) => (await shownTasks(ctx)).dueSoon.map(toTaskDto);
