import type { Link } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { isoOrNull, projectContentBase } from '../../lib/dto.ts';
import { byNewest } from '../../lib/pagination.ts';
import { escapeRegex } from '../../lib/text.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { deletedFromProject, projectContent } from '../../sharing/content.ts';
import { LinkModel } from './model.ts';
import type { LinkDoc } from './model.ts';

export const toLinkDto = (l: LinkDoc): Link => ({
  ...projectContentBase(l),
  name: l.name,
  url: l.url,
  clicksCount: l.clicksCount,
  lastClickedAt: isoOrNull(l.lastClickedAt),
});

type LinkInput = { projectId?: string | null | undefined; name?: string | undefined; url?: string | undefined };

/**
 * Links are project content: an unfiled link is its owner's alone, a project's link its members'
 * (Panorama's optional `projectId`). Anyone else gets 404, as if it did not exist.
 */
export function createLinkService(deps: { events: EventBus }) {
  const content = projectContent({
    model: LinkModel,
    entity: 'link',
    label: 'Link',
    toDto: toLinkDto,
    deletedData: deletedFromProject,
    events: deps.events,
  });

  function list(
    actor: AuthUser,
    query: { limit: number; cursor?: string | undefined; projectId?: string | undefined; q?: string | undefined },
  ) {
    const text = query.q ? new RegExp(escapeRegex(query.q), 'i') : undefined;
    return content.list(actor, query, byNewest, text ? [{ $or: [{ name: text }, { url: text }] }] : []);
  }

  const create = (actor: AuthUser, input: LinkInput & { name: string; url: string }) => content.create(actor, input);

  async function update(actor: AuthUser, id: string, patch: LinkInput) {
    const current = await content.findWritable(actor, id);
    const { audience } = await content.target(actor, current, patch.projectId);
    return toLinkDto(await content.save(actor, current, { $set: patch }, audience));
  }

  async function click(actor: AuthUser, id: string) {
    const current = await content.findWritable(actor, id);
    return toLinkDto(await content.save(actor, current, { $inc: { clicksCount: 1 }, $set: { lastClickedAt: new Date() } }));
  }

  const remove = (actor: AuthUser, id: string) => content.remove(actor, id);

  const removeProjectContent = (projectId: string) => LinkModel.deleteMany({ projectId });

  return { list, get: content.get, create, update, click, remove, removeProjectContent };
}

export type LinkService = ReturnType<typeof createLinkService>;
