import type { Ack } from '@panoramix/contracts';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { HttpError, fromZod } from '../http/problem.ts';

function toAckError(error: unknown, log: Logger, event: string): Ack<never> {
  if (error instanceof HttpError)
    return { ok: false, error: { status: error.status, title: error.title, detail: error.message } };
  log.error({ err: error, event }, 'socket event failed');
  return { ok: false, error: { status: 500, title: 'Internal error', detail: 'Something went wrong; try again' } };
}

/**
 * Listens to one client → server event: the payload is validated against its contract schema,
 * and the ack is answered with the result or the HTTP problem's status and wording.
 */
export function answer<S extends z.ZodType>(
  socket: Pick<Socket, 'on'>,
  options: { event: string; schema: S; log: Logger },
  run: (payload: z.output<S>) => Promise<unknown>,
) {
  const { event, schema, log } = options;
  (socket.on as (event: string, listener: (payload: unknown, ack?: unknown) => void) => void)(event, (payload, ack) => {
    const reply = typeof ack === 'function' ? (ack as (result: Ack<unknown>) => void) : () => undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return reply(toAckError(fromZod('payload', parsed.error), log, event));
    run(parsed.data).then(
      (data) => reply(data === undefined ? { ok: true } : { ok: true, data }),
      (error: unknown) => reply(toAckError(error, log, event)),
    );
  });
}
