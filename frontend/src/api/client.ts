import type { RouteContract, RouteInput, RouteResponse } from '@panoramix/contracts';
import { routeUrl } from '@panoramix/contracts/route-url';
import type { RouteRef } from 'virtual:panoramix/contracts';
import { takeEarlyAnswer } from './early-start.ts';
import { apiBase, clientHeaders } from '../platform/index.ts';
import { ApiError, NetworkError, OfflineError } from './problem.ts';
import { currentAccessToken, refreshSession } from './session-token.ts';

export type CallInput<R extends RouteContract> = RouteInput<R> & { signal?: AbortSignal };

type CallArgs<R extends RouteContract> = object extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

async function send(route: RouteRef, url: string, input: { body?: unknown; signal?: AbortSignal }, token: string | null) {
  const headers: Record<string, string> = { ...clientHeaders, accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (input.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(url, {
      method: route.method.toUpperCase(),
      headers,
      body: input.body === undefined ? null : JSON.stringify(input.body),
      credentials: 'same-origin',
      signal: input.signal ?? null,
    });
  } catch (error) {
    if (input.signal?.aborted) throw error;
    throw new NetworkError(error);
  }
}

/**
 * Calls one route of the contracts: `call(routes.links.create, { body })`. Input and result
 * types come from the route contract. A 401 on a signed-in route refreshes the session once
 * (single flight) and replays the request; a session that cannot be refreshed ends it. A write
 * while the browser is offline is refused at once (OfflineError), not left hanging until it fails.
 * A read the page sent before the app loaded (early-start.ts) is answered from there, once.
 */
export async function call<R extends RouteContract>(route: RouteRef<R>, ...[input]: CallArgs<R>): Promise<RouteResponse<R>> {
  if (route.method !== 'get' && !navigator.onLine) throw new OfflineError();
  const options = (input ?? {}) as { params?: object; query?: object; body?: unknown; signal?: AbortSignal };
  const url = apiBase() + routeUrl(route.path, options.params, options.query);
  const early = route.method === 'get' ? takeEarlyAnswer(url) : undefined;
  const fresh = () => send(route, url, options, currentAccessToken());
  let response = await (early ? early.catch(fresh) : fresh());
  if (response.status === 401 && route.access !== 'public') {
    const session = await refreshSession();
    if (session) response = await send(route, url, options, session.accessToken);
  }
  if (!response.ok) throw await ApiError.from(response);
  if (response.status === 204) return undefined as RouteResponse<R>;
  return (await response.json()) as RouteResponse<R>;
}
