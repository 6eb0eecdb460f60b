import type { PushPayload, PushSubscription } from '@panoramix/contracts';
import type { Logger } from 'pino';
import webpush from 'web-push';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { FetchRefusedError, safeFetch } from '../../lib/safe-fetch.ts';
import { recipientsOf } from '../../realtime/event-bus.ts';
import type { AnyDomainEvent, EventBus } from '../../realtime/event-bus.ts';
import { PushSubscriptionModel } from './model.ts';
import type { PushSubscriptionDoc } from './model.ts';
import { vapidKeys } from './vapid.ts';
import type { VapidKeys } from './vapid.ts';

/** The keys the device gave (RFC 8291), or null: its pushes are then empty wake-ups. */
const deviceKeys = (doc: PushSubscriptionDoc) =>
  doc.keys?.p256dh && doc.keys.auth ? { p256dh: doc.keys.p256dh, auth: doc.keys.auth } : null;

export const toPushSubscriptionDto = (doc: PushSubscriptionDoc): PushSubscription => ({
  id: String(doc._id),
  endpoint: doc.endpoint,
  encrypted: deviceKeys(doc) !== null,
  createdAt: doc.createdAt.toISOString(),
});

/** A push service keeps an undelivered push this long (the device was off), then drops it. */
const TTL_SECONDS = 24 * 3600;
const TIMEOUT_MS = 10_000;

/** What a domain event pushes, and to whom: a message to the room's other members, a rung alarm to its owner. */
function pushOf(event: AnyDomainEvent): { to: string[]; payload: PushPayload } | null {
  if (event.type === 'message:new') {
    const { id, roomId, userId } = event.data;
    return { to: recipientsOf(event).filter((u) => u !== userId), payload: { type: 'message', roomId, messageId: id } };
  }
  if (event.type === 'alarm.fired') {
    const { alarm } = event.data;
    return { to: recipientsOf(event), payload: { type: 'alarm', alarmId: alarm.id, title: alarm.title } };
  }
  return null;
}

/**
 * Web Push to the devices of users a message or an alarm is for (contracts/push.ts). Delivery is
 * after the write and never fails it; a push service answering that a subscription is gone
 * (404, 410) has it removed. Requests go through the outbound guard: an endpoint is an address a
 * user typed, which must not reach this server's network.
 */
export function createPushService(deps: {
  events: EventBus;
  logger: Logger;
  instanceSecret: string;
  contact: string;
  allow: readonly string[];
}) {
  let keys: Promise<VapidKeys> | undefined;
  const vapid = () =>
    (keys ??= vapidKeys(deps.instanceSecret).catch((error: unknown) => {
      keys = undefined; // the next push tries again
      throw error;
    }));

  const list = async (actor: AuthUser) => ({
    items: (await PushSubscriptionModel.find({ userId: actor.id }).sort({ _id: 1 }).lean<PushSubscriptionDoc[]>()).map(
      toPushSubscriptionDto,
    ),
  });

  /** Replaces any subscription of that address (the device registered again, perhaps for another account). */
  async function register(
    actor: AuthUser,
    input: { endpoint: string; keys: { p256dh: string; auth: string } | null },
  ): Promise<PushSubscription> {
    const previous = await PushSubscriptionModel.findOne({ endpoint: input.endpoint })
      .setOptions({ tenancy: 'system' })
      .lean<PushSubscriptionDoc>();
    if (previous) await removeSubscriptions([previous]);
    let created;
    try {
      created = await PushSubscriptionModel.create({ ...input, userId: actor.id, sessionId: actor.sessionId ?? null });
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict('This device was registered at the same moment by another request: try again');
      throw error;
    }
    const dto = toPushSubscriptionDto(created.toObject<PushSubscriptionDoc>());
    await deps.events.emit({ type: 'pushSubscription.created', userId: actor.id, data: dto });
    return dto;
  }

  async function remove(actor: AuthUser, id: string) {
    const found = await PushSubscriptionModel.findOne({ _id: id, userId: actor.id }).lean<PushSubscriptionDoc>();
    if (!found) throw notFound('Push subscription');
    await removeSubscriptions([found]);
  }

  async function removeSubscriptions(docs: readonly PushSubscriptionDoc[]) {
    if (docs.length === 0) return;
    await PushSubscriptionModel.deleteMany({ _id: { $in: docs.map((d) => d._id) } }).setOptions({ tenancy: 'system' });
    for (const doc of docs) {
      await deps.events.emit({ type: 'pushSubscription.deleted', userId: String(doc.userId), data: { id: String(doc._id) } });
    }
  }

  async function deliver(doc: PushSubscriptionDoc, payload: PushPayload, { publicKey, privateKey }: VapidKeys) {
    const keys = deviceKeys(doc);
    // Without the device's keys nothing can be encrypted for it: the push is an empty wake-up.
    const options = {
      vapidDetails: { subject: deps.contact, publicKey, privateKey },
      TTL: TTL_SECONDS,
      urgency: 'high',
    } as const;
    const request = keys
      ? webpush.generateRequestDetails({ endpoint: doc.endpoint, keys }, JSON.stringify(payload), options)
      : webpush.generateRequestDetails({ endpoint: doc.endpoint, keys: { p256dh: '', auth: '' } }, null, options);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
    try {
      await safeFetch(request.endpoint, {
        method: 'POST',
        headers,
        body: request.body ?? Buffer.alloc(0),
        maxBytes: 64 * 1024,
        timeoutMs: TIMEOUT_MS,
        allow: deps.allow,
      });
    } catch (error) {
      if (error instanceof FetchRefusedError && (error.status === 404 || error.status === 410)) {
        await removeSubscriptions([doc]); // the device unsubscribed, or its distributor forgot it
        return;
      }
      deps.logger.warn({ err: error, subscriptionId: String(doc._id) }, 'push not delivered');
    }
  }

  /** A signed-out device is pushed to no more: its subscriptions go with its sign-in (all of them when every one ends). */
  async function endSessions(event: AnyDomainEvent) {
    if (event.type !== 'session.revoked' && event.type !== 'session.ended') return;
    const filter =
      event.type === 'session.revoked' ? { userId: event.userId, sessionId: event.data.sessionId } : { userId: event.userId };
    await removeSubscriptions(await PushSubscriptionModel.find(filter).lean<PushSubscriptionDoc[]>());
  }

  async function pushFor(event: AnyDomainEvent) {
    const push = pushOf(event);
    if (!push || push.to.length === 0) return;
    const subscriptions = await PushSubscriptionModel.find({ userId: { $in: push.to } }).lean<PushSubscriptionDoc[]>();
    if (subscriptions.length === 0) return;
    const keys = await vapid();
    await Promise.all(subscriptions.map((doc) => deliver(doc, push.payload, keys)));
  }

  /** Durable for sign-outs: one is acknowledged once its subscriptions are gone. Pushes go after the write. */
  function start() {
    const stops = [deps.events.subscribe(endSessions, { durable: true }), deps.events.subscribe(pushFor)];
    return () => stops.forEach((stop) => stop());
  }

  const publicKey = async () => ({ publicKey: (await vapid()).publicKey });

  return { start, list, register, remove, publicKey };
}

export type PushService = ReturnType<typeof createPushService>;
