import type { Alarm, Recurrence } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import { byNewest, after, sortOf, toPage } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { AlarmModel } from './model.ts';
import type { AlarmDoc } from './model.ts';
import type { AlarmPlanner } from './scheduler.ts';
import { dismiss, reschedule, snooze } from './schedule.ts';
import type { AlarmState } from './schedule.ts';
import { claimRevision, fieldsOf, stateOf, toAlarmDto, writeIfUnchanged } from './store.ts';

interface AlarmPatch {
  title?: string | undefined;
  nextTriggerAt?: string | undefined;
  recurrence?: Recurrence | undefined;
  timeZone?: string | undefined;
  taskId?: string | null | undefined;
  enabled?: boolean | undefined;
}

/** A change racing with another write (a firing landing, another tab) retries this often (after 0.1, 0.2, 0.4… s), then answers 409. */
const WRITE_ATTEMPTS = 6;
const RETRY_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Alarms are private to their owner (another user's answers 404). Every change goes through the
 * rules of schedule.ts and a write conditional on the revision read, so a snooze racing the
 * server's firing is decided, not lost; the scheduler is told of each new state.
 */
export function createAlarmService(deps: {
  events: EventBus;
  scheduler: AlarmPlanner;
  /** Whether the caller may see this task (an alarm may point at one). */
  taskVisible: (actor: AuthUser, taskId: string) => Promise<boolean>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const mine = (actor: AuthUser, id: string) => ({ _id: id, userId: actor.id });

  async function checkTask(actor: AuthUser, taskId: string | null | undefined) {
    if (taskId && !(await deps.taskVisible(actor, taskId))) {
      throw badRequest('body.taskId: no such task', [{ path: 'body.taskId', message: 'no such task' }]);
    }
  }

  async function announce(type: 'alarm.created' | 'alarm.updated', doc: AlarmDoc) {
    deps.scheduler.plan(doc);
    const alarm = toAlarmDto(doc);
    await deps.events.emit({ type, userId: alarm.userId, data: alarm });
    return alarm;
  }

  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined }) {
    const rows = await AlarmModel.find({ userId: actor.id, ...after(byNewest, query.cursor) })
      .sort(sortOf(byNewest))
      .limit(query.limit + 1)
      .lean<AlarmDoc[]>();
    return toPage(rows, query.limit, byNewest, toAlarmDto);
  }

  async function get(actor: AuthUser, id: string) {
    const doc = await AlarmModel.findOne(mine(actor, id)).lean<AlarmDoc>();
    if (!doc) throw notFound('Alarm');
    return toAlarmDto(doc);
  }

  async function create(
    actor: AuthUser,
    input: { title: string; nextTriggerAt: string; recurrence: Recurrence; timeZone: string; taskId: string | null },
  ) {
    await checkTask(actor, input.taskId);
    const nextTriggerAt = new Date(input.nextTriggerAt);
    const state: AlarmState = {
      enabled: true,
      done: false,
      nextTriggerAt,
      snoozedUntilAt: null,
      acknowledgedAt: null,
      lastFiredAt: null,
      recurrence: input.recurrence,
      timeZone: input.timeZone,
      anchorAt: nextTriggerAt,
    };
    const created = await AlarmModel.create({ userId: actor.id, title: input.title, taskId: input.taskId, ...fieldsOf(state) });
    return announce('alarm.created', created.toObject() as AlarmDoc);
  }

  /** Applies `change` to the alarm as last written, retrying when another write (a firing) came between. */
  async function change(actor: AuthUser, id: string, next: (doc: AlarmDoc, at: Date) => Partial<AlarmDoc>): Promise<Alarm> {
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const doc = await AlarmModel.findOne(mine(actor, id)).lean<AlarmDoc>();
      if (!doc) throw notFound('Alarm');
      const at = now();
      const written = await writeIfUnchanged(doc, (base) => next(base, at), at);
      if (written) return announce('alarm.updated', written);
      await sleep(RETRY_MS * 2 ** attempt); // another write landed between the read and the claim
    }
    throw conflict('The alarm kept changing while it was written; try again');
  }

  async function update(actor: AuthUser, id: string, patch: AlarmPatch) {
    await checkTask(actor, patch.taskId);
    return change(actor, id, (doc, at) => {
      let state = stateOf(doc);
      if (patch.recurrence) state = { ...state, recurrence: patch.recurrence };
      if (patch.timeZone) state = { ...state, timeZone: patch.timeZone };
      if (patch.nextTriggerAt || patch.recurrence || patch.timeZone) {
        state = reschedule(state, at, patch.nextTriggerAt ? new Date(patch.nextTriggerAt) : state.nextTriggerAt);
      }
      if (patch.enabled !== undefined) state = { ...state, enabled: patch.enabled }; // Panorama's toggleEnabled
      return {
        ...fieldsOf(state),
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.taskId !== undefined ? { taskId: patch.taskId as unknown as AlarmDoc['taskId'] } : {}),
      };
    });
  }

  const snoozeFor = (actor: AuthUser, id: string, minutes: number) =>
    change(actor, id, (doc, at) => fieldsOf(snooze(stateOf(doc), at, minutes)));

  const dismissNow = (actor: AuthUser, id: string) => change(actor, id, (doc, at) => fieldsOf(dismiss(stateOf(doc), at)));

  /**
   * Claims the alarm's revision before deleting it: an instance that armed it (up to two minutes
   * ahead) then loses its firing's claim instead of ringing an alarm its owner just deleted.
   */
  async function remove(actor: AuthUser, id: string) {
    const doc = await AlarmModel.findOne(mine(actor, id)).lean<AlarmDoc>();
    if (!doc) throw notFound('Alarm');
    await claimRevision(doc, now(), 'edit');
    const { deletedCount } = await AlarmModel.deleteOne(mine(actor, id));
    if (deletedCount === 0) throw notFound('Alarm');
    deps.scheduler.forget(id);
    await deps.events.emit({ type: 'alarm.deleted', userId: actor.id, data: { id } });
  }

  return { list, get, create, update, snooze: snoozeFor, dismiss: dismissNow, remove };
}

export type AlarmService = ReturnType<typeof createAlarmService>;
