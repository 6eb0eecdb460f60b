import { chatClientEvents } from '@panoramix/contracts';
import type { ChatClientEventType } from '@panoramix/contracts';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { answer } from '../../realtime/ack.ts';
import type { RealtimeServer } from '../../realtime/socket.ts';
import { createPresenceQueue } from './presence-queue.ts';
import type { ChatServices } from './services.ts';

type Payload<K extends ChatClientEventType> = z.output<(typeof chatClientEvents)[K]>;

/**
 * The chat's client → server events (see chat-events.ts in the contracts). Every payload is
 * validated; every event is answered through its ack; access goes through the same services
 * (and so the same membership check) as the REST routes.
 */
export function chatRealtime(chat: ChatServices, log: Logger) {
  return (io: RealtimeServer) => {
    chat.presence.attach(io);
    const announcePresence = createPresenceQueue(chat.presence.announce, {
      onError: (error, userIds) => log.error({ err: error, userIds }, 'presence announce failed'),
    });

    io.on('connection', (socket) => {
      const user = socket.data.user;
      const handle = <K extends ChatClientEventType>(event: K, run: (payload: Payload<K>) => Promise<unknown>) =>
        answer(socket, { event, schema: chatClientEvents[event], log }, (payload) => run(payload as Payload<K>));

      handle('typing:start', ({ roomId }) => chat.typing.start(user, roomId));
      handle('typing:stop', ({ roomId }) => chat.typing.stop(user, roomId));
      handle('message:send', ({ roomId, ...body }) => chat.messages.send(user, roomId, body));
      handle('presence:set', async ({ status }) => {
        socket.data.away = status === 'away';
        announcePresence(user.id);
      });
      announcePresence(user.id);
      // An instance shutting down says nothing: its clients reconnect elsewhere and announce from there,
      // instead of thousands of "offline" announcements racing the shutdown.
      socket.on('disconnect', (reason) => reason !== 'server shutting down' && announcePresence(user.id));
    });
  };
}
