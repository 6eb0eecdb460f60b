import { isOpen, taskStatuses } from '@panoramix/contracts';
import type { TaskStatus } from '@panoramix/contracts';
import { TaskModel } from '../../tasks/model.ts';
import { taskSearch } from '../../tasks/search.ts';
import type { Mapping, PanoramaDoc } from '../mapping.ts';
import { COMMON_FIELDS, dateOrNull, idOf, numberOrNull, strings, text, timestamps } from '../mapping.ts';
import type { MapContext } from '../mapping.ts';
import { orderKey } from '../order-key.ts';
import { reason } from '../reasons.ts';

const statuses: readonly unknown[] = taskStatuses;

/** Panorama's legacy tasks have no status (open); a value we do not know stays under extra, the task open. */
function statusOf(doc: PanoramaDoc, ctx: MapContext): TaskStatus {
  if (doc.status === undefined || doc.status === null) {
    ctx.fix(reason('noStatus'));
    return 'todo';
  }
  if (statuses.includes(doc.status)) return doc.status as TaskStatus;
  ctx.fix(reason('unknownStatus', { value: JSON.stringify(doc.status) }));
  return 'todo';
}

/**
 * Provenance from the journal: Panorama's `{kind:'userLog', logEntryIds}` is our `{kind:'journal', ids}`,
 * the entry ids rewritten like every other reference; its other fields stay under extra.source.
 */
function sourceOf(doc: PanoramaDoc, ctx: MapContext) {
  if (doc.source === null || typeof doc.source !== 'object') return { source: null };
  const { kind, logEntryIds, ...rest } = doc.source as Record<string, unknown>;
  if (kind !== 'userLog' || !Array.isArray(logEntryIds)) return { source: null, extra: { source: doc.source } };
  const ids = logEntryIds.map((id) => ctx.ref('userLogs', id, 'source.logEntryIds')).filter((id) => id !== null);
  return { source: { kind: 'journal', ids }, ...(Object.keys(rest).length > 0 ? { extra: { source: rest } } : {}) };
}

export const tasksMapping: Mapping = {
  collection: 'tasks',
  model: TaskModel,
  searchKind: taskSearch.kind,
  known: [
    ...COMMON_FIELDS,
    ...['projectId', 'title', 'notes', 'statusChangedAt', 'deadline', 'priorityRank', 'isUrgent', 'isImportant'],
    ...['status', 'tags', 'assigneeId', 'estimate', 'actual', 'source'],
  ],
  map(doc, ctx) {
    const status = statusOf(doc, ctx);
    const times = timestamps(doc, ctx);
    const assignee = typeof doc.assigneeId === 'string' ? ctx.member(doc.assigneeId) : undefined;
    if (typeof doc.assigneeId === 'string' && !assignee) ctx.fix(reason('assigneeNoAccount'));
    const { extra: sourceExtra, ...source } = sourceOf(doc, ctx);
    const kept = {
      ...sourceExtra,
      ...(statuses.includes(doc.status) || doc.status == null ? {} : { status: doc.status }),
      ...(typeof doc.assigneeId === 'string' && !assignee ? { assigneeId: doc.assigneeId } : {}),
    };
    return {
      projectId: ctx.ref('projects', doc.projectId, 'projectId'),
      title: text(doc.title),
      notes: text(doc.notes),
      status,
      statusChangedAt: dateOrNull(doc.statusChangedAt) ?? times.createdAt,
      open: isOpen({ status }),
      deadline: dateOrNull(doc.deadline),
      isUrgent: doc.isUrgent === true,
      isImportant: doc.isImportant === true,
      rank: orderKey(numberOrNull(doc.priorityRank) ?? 0, idOf(this, doc)),
      tags: strings(doc.tags),
      assigneeId: assignee ?? null,
      estimate: numberOrNull(doc.estimate),
      actual: numberOrNull(doc.actual),
      ...source,
      ...times,
      ...(Object.keys(kept).length > 0 ? { extra: kept } : {}),
    };
  },
};
