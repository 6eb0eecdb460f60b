import { z } from 'zod';

/** A MongoDB ObjectId as it travels on the wire: 24 lowercase or uppercase hex characters. */
export const objectId = z
  .string()
  .regex(/^[a-f\d]{24}$/i, 'must be a 24-character hexadecimal id')
  .meta({ description: 'ObjectId (24 hex characters)', example: '665f1c2e9b1e8a0012345678' });

/** Every timestamp on the wire is an ISO 8601 UTC string. */
export const isoDateTime = z.iso.datetime({ offset: false }).meta({ example: '2026-11-25T10:00:00.000Z' });

/** A short trimmed label such as a name or a title: never empty once trimmed. */
export const label = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const idParams = z.strictObject({ id: objectId });

/**
 * A position in a manual order, as the `fractional-indexing` package writes it: a head letter
 * saying how long the integer part is, its digits, then an optional fraction not ending in 0.
 * Keys compare as plain strings (code unit order), so a key between any two always exists.
 */
export const orderKey = z
  .string()
  .max(1000, 'must be at most 1000 characters')
  .regex(/^[A-Za-z][\dA-Za-z]*$/, 'is not an order key')
  .refine((key) => {
    const head = key.charCodeAt(0);
    const integerLength = head >= 97 ? head - 95 : 92 - head; // a → 2, b → 3…; Z → 2, Y → 3…
    return key.length >= integerLength && !(key.length > integerLength && key.endsWith('0'));
  }, 'is not an order key')
  .meta({ description: 'Order key (fractional indexing); lower sorts first, compared as a plain string', example: 'a0' });

/** The fields every owned item carries on the wire; each item's schema extends them. */
export const ownedFields = z.object({
  id: objectId,
  userId: objectId.meta({ description: 'Who created it' }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** ...and project content: its project, null when unfiled (then its creator alone sees it). */
export const projectContentFields = ownedFields.extend({ projectId: objectId.nullable() });

/**
 * A position in a list: the last row's sort value (a number) and id. Clients pass back a `nextCursor`
 * without reading it; the grammar is in the schema so that every cursor it accepts is one the server takes.
 */
export const pageCursor = z
  .string()
  .max(1100) // a task's order key may reach 1000 characters
  .regex(/^(?:-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|[A-Za-z][\dA-Za-z]*)_[a-f\d]{24}$/, 'is not a cursor of a list')
  .meta({ description: 'The `nextCursor` of the previous page', example: '1764583200000_665f1c2e9b1e8a0012345678' });

/** Cursor pagination: `cursor` is opaque to clients, `limit` is bounded. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: pageCursor.optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: pageCursor.nullable().meta({ description: 'Pass as `cursor` to get the next page; null on the last page' }),
  });

/** Stable problem types (the `type` of a problem is `urn:panoramix:problem:<slug>`); clients may switch on them. */
export const problemTypes = {
  validation: 'validation-error',
  malformedJson: 'malformed-json',
  payloadTooLarge: 'payload-too-large',
  unsupportedMediaType: 'unsupported-media-type',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not-found',
  conflict: 'conflict',
  methodNotAllowed: 'method-not-allowed',
  idempotencyKeyReused: 'idempotency-key-reused',
  rateLimited: 'rate-limited',
  syncExpired: 'sync-expired',
  teamNotEmpty: 'team-not-empty',
  managerCycle: 'manager-cycle',
  unavailable: 'service-unavailable',
  aiBadAnswer: 'ai-bad-answer',
  internal: 'internal-error',
} as const;
export type ProblemType = (typeof problemTypes)[keyof typeof problemTypes];
export const problemTypeUri = (type: ProblemType) => `urn:panoramix:problem:${type}`;

/** RFC 9457 problem details, the body of every error answer. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional()
      .meta({ description: 'One entry per invalid field' }),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problem>;

export const okResponse = z.object({ ok: z.literal(true) });
