import { aiRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Response } from 'express';
import type { Bind } from '../../http/route.ts';
import type { AiService } from './service.ts';

/** Aborts when the client goes away before the answer is complete, so the model server stops too. */
function abortOnDisconnect(res: Response) {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

const sse = (res: Response, event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

export function aiRouter(bind: Bind, ai: AiService) {
  const router = Router();
  bind(router, aiRoutes.chat, async ({ user, body, res, log }) => {
    const model = ai.chatModel().model; // a 503 problem here, before the stream starts
    const signal = abortOnDisconnect(res);
    res.status(200).set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
    res.flushHeaders();
    try {
      for await (const chunk of ai.chat(user, body.messages, signal)) {
        if (chunk.type === 'token') sse(res, 'token', { text: chunk.text });
        else sse(res, 'done', { model, usage: chunk.usage });
      }
    } catch (error) {
      if (!signal.aborted) {
        log.warn({ err: error }, 'chat stream failed');
        sse(res, 'error', { title: 'AI unavailable', detail: error instanceof Error ? error.message : String(error) });
      }
    }
    res.end();
    return undefined;
  });
  bind(router, aiRoutes.complete, ({ user, body, res }) => ai.complete(user, body, abortOnDisconnect(res)));
  return router;
}
