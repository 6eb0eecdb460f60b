import type { Link } from '@panoramix/contracts';
import type { UpdateQuery } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { notFound } from '../../http/problem.ts';
import { isoOrNull, ownedBase } from '../../lib/dto.ts';
import { after, byNewest, sortOf, toPage } from '../../lib/pagination.ts';
import { escapeRegex } from '../../lib/text.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { LinkModel } from './model.ts';
import type { LinkDoc } from './model.ts';

export const toLinkDto = (l: LinkDoc): Link => ({
  ...ownedBase(l),
  name: l.name,
  url: l.url,
  clicksCount: l.clicksCount,
  lastClickedAt: isoOrNull(l.lastClickedAt),
});

/** Links are private to their owner; another user's link answers 404 as if it did not exist. */
export function createLinkService(deps: { events: EventBus }) {
  const mine = (actor: AuthUser, id: string) => ({ _id: id, userId: actor.id });

  function announce(type: 'link.created' | 'link.updated', link: Link) {
    return deps.events.emit({ type, userId: link.userId, data: link });
  }

  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined; q?: string | undefined }) {
    const text = query.q ? new RegExp(escapeRegex(query.q), 'i') : undefined;
    const rows = await LinkModel.find({
      userId: actor.id,
      ...after(byNewest, query.cursor),
      ...(text ? { $or: [{ name: text }, { url: text }] } : {}),
    })
      .sort(sortOf(byNewest))
      .limit(query.limit + 1)
      .lean<LinkDoc[]>();
    return toPage(rows, query.limit, byNewest, toLinkDto);
  }

  async function get(actor: AuthUser, id: string) {
    const link = await LinkModel.findOne(mine(actor, id)).lean<LinkDoc>();
    if (!link) throw notFound('Link');
    return toLinkDto(link);
  }

  async function create(actor: AuthUser, input: { name: string; url: string }) {
    const created = await LinkModel.create({ ...input, userId: actor.id });
    const link = toLinkDto(created.toObject() as LinkDoc);
    await announce('link.created', link);
    return link;
  }

  /** Applies an update to one of the caller's links and announces the result. */
  async function updateMine(actor: AuthUser, id: string, update: UpdateQuery<LinkDoc>) {
    const updated = await LinkModel.findOneAndUpdate(mine(actor, id), update, { returnDocument: 'after' }).lean<LinkDoc>();
    if (!updated) throw notFound('Link');
    const link = toLinkDto(updated);
    await announce('link.updated', link);
    return link;
  }

  const update = (actor: AuthUser, id: string, patch: { name?: string | undefined; url?: string | undefined }) =>
    updateMine(actor, id, { $set: patch });

  const click = (actor: AuthUser, id: string) =>
    updateMine(actor, id, { $inc: { clicksCount: 1 }, $set: { lastClickedAt: new Date() } });

  async function remove(actor: AuthUser, id: string) {
    const { deletedCount } = await LinkModel.deleteOne(mine(actor, id));
    if (deletedCount === 0) throw notFound('Link');
    await deps.events.emit({ type: 'link.deleted', userId: actor.id, data: { id } });
  }

  return { list, get, create, update, click, remove };
}

export type LinkService = ReturnType<typeof createLinkService>;
