import { once } from 'node:events';
import type { Response } from 'express';

/** A JSON answer whose array fields may come as batches read one after another (a database cursor). */
export type StreamedJson<T> = {
  [K in keyof T]: T[K] extends readonly (infer Item)[] ? T[K] | AsyncIterable<Item[]> : T[K];
};

/** The client went away mid-answer: nothing to write to, nothing to report. */
const clientGone = new Error('client gone');

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * An answer the binder writes in parts: a whole collection is never held as one string. Each
 * batch of an array field is one `res.write`, which waits when the client reads slower than the
 * database (backpressure), so memory stays at a batch whatever the collection's size.
 */
export class JsonStream<T> {
  constructor(readonly value: StreamedJson<T>) {}

  async write(res: Response, status: number) {
    res.status(status).type('application/json');
    const send = async (text: string) => {
      if (res.destroyed) throw clientGone;
      if (res.write(text)) return;
      const waiting = new AbortController();
      const { signal } = waiting;
      await Promise.race([once(res, 'drain', { signal }), once(res, 'close', { signal })]).finally(() => waiting.abort());
      if (res.destroyed) throw clientGone;
    };
    try {
      let separator = '{';
      for (const [key, field] of Object.entries(this.value as Record<string, unknown>)) {
        const head = `${separator}${JSON.stringify(key)}:`;
        separator = ',';
        if (!isAsyncIterable(field)) {
          await send(head + JSON.stringify(field));
          continue;
        }
        let opening = `${head}[`;
        for await (const batch of field as AsyncIterable<unknown[]>) {
          if (batch.length === 0) continue;
          await send(opening + JSON.stringify(batch).slice(1, -1));
          opening = ',';
        }
        await send(opening === ',' ? ']' : `${opening}]`);
      }
      res.end('}');
    } catch (error) {
      if (error === clientGone) return; // the database cursor closes as its reader stops
      // The status is gone already: cut the connection, so the client sees a broken answer, not a short one.
      res.destroy();
      throw error;
    }
  }
}

/** Marks a route's answer as streamed JSON; its type is the route's response, read from the handler's return type. */
export const streamJson = <T>(value: StreamedJson<T>) => new JsonStream<T>(value);
