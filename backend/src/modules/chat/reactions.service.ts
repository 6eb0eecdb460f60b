import type { Message, ReactionEmoji } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { conflict } from '../../http/problem.ts';
import { findMemberMessage } from './access.ts';
import { MessageModel } from './model.ts';
import type { MessageDoc } from './model.ts';
import type { MessageService } from './messages.service.ts';

/**
 * Organizer's rule: one reaction per person per message. The same emoji again removes it,
 * another one replaces it. Each step is one atomic write on the person's own key.
 */
export function createReactionService(deps: { messages: Pick<MessageService, 'announce'> }) {
  async function toggle(actor: AuthUser, id: string, emoji: ReactionEmoji): Promise<Message> {
    const { message, room } = await findMemberMessage(actor, id);
    if (message.deletedAt) throw conflict('This message was deleted');
    const key = `reactions.${actor.id}`;
    const scope = { _id: message._id, roomId: room._id };
    const removed = await MessageModel.updateOne({ ...scope, [key]: emoji }, { $unset: { [key]: 1 } });
    if (removed.modifiedCount === 0) await MessageModel.updateOne(scope, { $set: { [key]: emoji } });
    const updated = await MessageModel.findOne(scope).lean<MessageDoc>();
    return deps.messages.announce('message:reacted', actor, room, updated!);
  }

  return { toggle };
}

export type ReactionService = ReturnType<typeof createReactionService>;
