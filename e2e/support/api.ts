import type { RouteBodyInput, RouteContract, RouteResponse } from '@panoramix/contracts';
import { routes } from '@panoramix/contracts';
import { baseUrl } from './browser.ts';

/** Calls the API from the test process with the contracts' types, to set up data quickly. */
export async function api<R extends RouteContract>(
  route: R,
  options: { token?: string; body?: RouteBodyInput<R>; params?: Record<string, string>; baseUrl?: string } = {},
): Promise<RouteResponse<R>> {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ''));
  const response = await fetch(`${options.baseUrl ?? baseUrl}${path}`, {
    method: route.method.toUpperCase(),
    headers: {
      'x-client': 'native',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  if (!response.ok) throw new Error(`${route.method} ${path} → ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as RouteResponse<R>;
}

export interface TestUser {
  username: string;
  password: string;
  displayName: string;
  token: string;
}

let sequence = 0;

/** A new account with unique, readable defaults (`e2e_<pid>_<n>`); registration is open in tests. */
export async function newUser(overrides: Partial<Pick<TestUser, 'displayName' | 'password'>> = {}): Promise<TestUser> {
  sequence += 1;
  const username = `e2e_${process.pid}_${sequence}`;
  const password = overrides.password ?? 'correct horse battery';
  const displayName = overrides.displayName ?? `Testeur ${sequence}`;
  const session = await api(routes.auth.register, { body: { username, password, displayName } });
  return { username, password, displayName, token: session.accessToken };
}

export { routes };
