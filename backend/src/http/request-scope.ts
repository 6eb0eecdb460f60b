import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Values read once per HTTP request (the caller's visible projects): every service a request calls
 * shares them, and they die with the request. A store in the request's async context rather than a
 * memo on the caller object: a socket keeps its caller object for hours, and a membership read
 * memoised on it would outlive a removal from the project.
 */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `work` as one request: what `perRequest` memoises inside lives exactly as long. */
export const runRequest = <T>(work: () => T): T => scope.run(new Map(), work);

/** `compute()` once per request under `key`; outside a request (a socket event, a job) every call computes. */
export function perRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return compute();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    memo.set(key, value);
  }
  return value;
}
