import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@panoramix/contracts';
import type { AuthUser } from '../../../http/auth-guard.ts';
import { notFound } from '../../../http/problem.ts';
import { isoOrNull } from '../../../lib/dto.ts';
import { buildFeed } from './ics.ts';
import type { FeedDeadline, FeedEvent, FeedOptions } from './ics.ts';
import { CalendarFeedModel } from './model.ts';
import { activeOwner } from './owner.ts';
import type { CalendarFeedDoc } from './model.ts';

const hashOf = (secret: string) => createHash('sha256').update(secret).digest();
const feedPath = (userId: string, secret: string) => `/api/calendar/feed/${userId}-${secret}.ics`;

/** What one user's feed shows; the calendar module and the tasks read it. */
export type FeedContent = (owner: AuthUser) => Promise<{ events: FeedEvent[]; deadlines: FeedDeadline[]; options: FeedOptions }>;

/**
 * The private ICS feed: an address that is its own credential (a phone calendar has no session).
 * The address carries the owner's id and a 256-bit secret; only the secret's hash is stored and
 * compared in constant time. A new address replaces the old one at once.
 */
export function createFeedService(deps: { content: FeedContent }) {
  async function status(actor: AuthUser): Promise<CalendarFeedStatus> {
    const feed = await CalendarFeedModel.findOne({ userId: actor.id }).lean<CalendarFeedDoc>();
    return { active: feed !== null, createdAt: isoOrNull(feed?.updatedAt) };
  }

  async function regenerate(actor: AuthUser): Promise<CalendarFeedCreated> {
    const secret = randomBytes(32).toString('base64url');
    const saved = await CalendarFeedModel.findOneAndUpdate(
      { userId: actor.id },
      { $set: { secretHash: hashOf(secret).toString('hex') } },
      { upsert: true, returnDocument: 'after' },
    ).lean<CalendarFeedDoc>();
    return { path: feedPath(actor.id, secret), createdAt: saved!.updatedAt.toISOString() };
  }

  async function revoke(actor: AuthUser) {
    await CalendarFeedModel.deleteOne({ userId: actor.id });
  }

  /** The feed's text for `<userId>-<secret>.ics`; any other address, a revoked or an old one, is 404. */
  async function read(file: string): Promise<string> {
    const [, userId = '', secret = ''] = /^([a-f\d]{24})-([\w-]{43})\.ics$/.exec(file) ?? [];
    const feed = userId ? await CalendarFeedModel.findOne({ userId }).lean<CalendarFeedDoc>() : null;
    const stored = Buffer.from(feed?.secretHash ?? '', 'hex');
    const given = hashOf(secret);
    if (!feed || stored.length !== given.length || !timingSafeEqual(stored, given)) throw notFound('Feed');
    const owner = await activeOwner(userId);
    if (!owner) throw notFound('Feed');
    const { events, deadlines, options } = await deps.content(owner);
    return buildFeed(events, deadlines, options);
  }

  return { status, regenerate, revoke, read };
}

export type FeedService = ReturnType<typeof createFeedService>;
