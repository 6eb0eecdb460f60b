import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { call } from './client.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route's body, read by the test that sends it
export type RouteInput = { params?: Record<string, string>; query?: Record<string, string>; body?: any };
export type RouteHandler = (input: RouteInput) => unknown;

const keyOf = (route: unknown) => {
  const { method, path } = route as { method: string; path: string };
  return `${method.toUpperCase()} ${path}`;
};

/**
 * The server of a page's component tests: `call`, mocked by the test file
 * (`vi.mock('…/api/client.ts', () => ({ call: vi.fn() }))`), answers each `METHOD /path` from
 * `routes`; any other call fails the test, so a page asking for more than it should is seen.
 */
export function serveRoutes(routes: Record<string, RouteHandler>) {
  vi.mocked(call).mockImplementation((async (route: unknown, input: RouteInput = {}) => {
    const handler = routes[keyOf(route)];
    if (!handler) throw new Error(`unexpected ${keyOf(route)}`);
    return handler(input);
  }) as never);
}

/** What the page sent to `METHOD /path`, call by call. */
export const callsTo = (key: string) =>
  vi
    .mocked(call)
    .mock.calls.filter(([route]) => keyOf(route) === key)
    .map(([, input]) => input as RouteInput);

/** Renders `ui` under a fresh query client that does not retry; `prepare` fills its cache first. */
export function renderWithQueries(ui: ReactNode, prepare?: (client: QueryClient) => void) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  prepare?.(queryClient);
  render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return queryClient;
}

/** `GET /api/search/ai-status` with chat from `chat` (`none`: no model configured). */
export const anAiStatus = (chat: 'none' | 'openai') => ({
  embeddings: {},
  vectorStore: {},
  chat: { provider: chat, model: chat === 'none' ? null : 'gpt' },
  summary: { provider: 'none', model: null },
  queue: {},
});
