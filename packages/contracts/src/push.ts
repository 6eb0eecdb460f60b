import { z } from 'zod';
import { idParams, isoDateTime, objectId } from './common.ts';
import { defineRoute } from './http.ts';

/**
 * Push without Firebase: a device hands over the address its push service gave it (a UnifiedPush
 * distributor such as ntfy, or a browser's Web Push service) and the server POSTs there (RFC 8030,
 * signed with the instance's VAPID key, RFC 8292) when a message or an alarm is for its user.
 * With `keys` the payload is encrypted for the device (RFC 8291) and says what happened; without
 * them the push carries no content at all and the device asks the API what is new: nothing of a
 * message ever passes through the push service in clear.
 */
const base64url = (bytes: string) =>
  z
    .string()
    .regex(/^[A-Za-z\d_-]+=*$/, 'must be base64url')
    .max(200)
    .meta({ description: `base64url, ${bytes}` });

export const pushSubscription = z
  .object({
    id: objectId,
    endpoint: z.string(),
    /** Whether pushes to it are encrypted and carry their content (keys given) or are content-free wake-ups. */
    encrypted: z.boolean(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'PushSubscription' });
export type PushSubscription = z.infer<typeof pushSubscription>;

export const registerPushBody = z.strictObject({
  // A string (with its scheme as a pattern) piped into the URL check: the document says a string,
  // which every client reads as one (format: uri made the Kotlin client's a java.net.URI).
  endpoint: z
    .string()
    .max(2048, 'must be at most 2048 characters')
    .regex(/^https?:\/\//, 'must be an http(s) address')
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }))
    .meta({ description: "The push service's address for this device (the UnifiedPush endpoint, or a browser's)" }),
  keys: z
    .strictObject({ p256dh: base64url('the P-256 public key (65 bytes)'), auth: base64url('the 16-byte auth secret') })
    .nullable()
    .default(null),
});

/** What an encrypted push says; a push without keys has no body. */
export const pushPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), roomId: objectId, messageId: objectId }),
  z.object({ type: z.literal('alarm'), alarmId: objectId, title: z.string() }),
]);
export type PushPayload = z.infer<typeof pushPayload>;

export const pushSubscriptionDeleted = z.object({ id: objectId });

const tags = ['push'] as const;

export const pushRoutes = {
  vapidKey: defineRoute({
    method: 'get',
    path: '/api/push/vapid-key',
    summary: "The instance's VAPID public key, which push services check the server's pushes against",
    tags,
    access: 'user',
    response: z.object({ publicKey: z.string() }),
  }),
  list: defineRoute({
    method: 'get',
    path: '/api/push/subscriptions',
    summary: "My devices' push subscriptions",
    tags,
    access: 'user',
    response: z.object({ items: z.array(pushSubscription) }),
  }),
  register: defineRoute({
    method: 'post',
    path: '/api/push/subscriptions',
    summary:
      'Push to this device from now on, until the sign-in that registers it ends. An endpoint registered before (by this sign-in or another on the device) is replaced',
    tags,
    access: 'user',
    body: registerPushBody,
    status: 201,
    response: pushSubscription,
    errors: [409],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/push/subscriptions/:id',
    summary: 'Stop pushing to a device',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
};
