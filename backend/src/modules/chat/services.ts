import type { JobQueue } from '../../jobs/runner.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { createContactService } from './contacts.service.ts';
import { createFloodGuard } from './flood.ts';
import { createMessageService } from './messages.service.ts';
import type { RemoveAttachments } from './messages.service.ts';
import { createPresenceService } from './presence.ts';
import { createReactionService } from './reactions.service.ts';
import { createReadStateService } from './read-state.ts';
import { createRoomService } from './rooms.service.ts';
import { createTypingService } from './typing.ts';

/** The chat's services, wired once; REST routes and socket handlers share them. */
export function createChatServices(deps: {
  events: EventBus;
  jobs: JobQueue;
  redis?: unknown;
  removeAttachments: RemoveAttachments;
}) {
  const { events } = deps;
  const reads = createReadStateService({ events });
  const typing = createTypingService({ events });
  const messages = createMessageService({
    events,
    reads,
    typing,
    admitSend: createFloodGuard({ redis: deps.redis }),
    removeAttachments: deps.removeAttachments,
  });
  return {
    rooms: createRoomService({ events, jobs: deps.jobs }),
    messages,
    reactions: createReactionService({ messages }),
    reads,
    typing,
    presence: createPresenceService({ events }),
    contacts: createContactService(),
  };
}

export type ChatServices = ReturnType<typeof createChatServices>;
