import type { Message, ReactionEmoji } from '@panoramix/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { emitLive } from '../../api/live.ts';
import { showToast } from '../../ui/toast.tsx';
import { putMessage } from './chat-cache.ts';
import { dropPending, putPending } from './chat-state.ts';
import type { PendingMessage } from './chat-state.ts';

/** Over the socket; without one (reconnecting), over HTTP. The same clientId never makes two messages. */
async function deliver({ roomId, clientId, text, replyTo, fileIds }: PendingMessage): Promise<Message> {
  const body = { clientId, text, ...(replyTo ? { replyTo } : {}), ...(fileIds?.length ? { fileIds } : {}) };
  const ack = await emitLive('message:send', { roomId, ...body });
  if (ack.ok && ack.data) return ack.data;
  if (!ack.ok && ack.error.status !== 0) throw new Error(ack.error.detail ?? ack.error.title);
  return call(routes.messages.send, { params: { id: roomId }, body });
}

/** Sending (optimistic, retried without duplicates), editing, deleting and reacting. */
export function useMessageActions() {
  const queryClient = useQueryClient();
  const failed = useCallback((error: Error) => showToast(error.message, 'error'), []);

  const attempt = useCallback(
    (pending: PendingMessage) => {
      putPending({ ...pending, failed: false });
      deliver(pending).then(
        (message) => {
          putMessage(queryClient, message);
          dropPending(message.clientId);
        },
        () => putPending({ ...pending, failed: true }),
      );
    },
    [queryClient],
  );

  const send = useCallback(
    (roomId: string, text: string, replyTo?: string, fileIds: string[] = []) =>
      attempt({
        clientId: crypto.randomUUID(),
        roomId,
        text,
        replyTo,
        fileIds,
        createdAt: new Date().toISOString(),
        failed: false,
      }),
    [attempt],
  );

  const edit = useCallback(
    (id: string, text: string) =>
      call(routes.messages.edit, { params: { id }, body: { text } }).then((m) => putMessage(queryClient, m), failed),
    [queryClient, failed],
  );
  const remove = useCallback(
    (id: string) => call(routes.messages.remove, { params: { id } }).then((m) => putMessage(queryClient, m), failed),
    [queryClient, failed],
  );
  const react = useCallback(
    (id: string, emoji: ReactionEmoji) =>
      call(routes.messages.react, { params: { id }, body: { emoji } }).then((m) => putMessage(queryClient, m), failed),
    [queryClient, failed],
  );
  return { send, retry: attempt, edit, remove, react };
}
