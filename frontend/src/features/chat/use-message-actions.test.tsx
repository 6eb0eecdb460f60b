import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { emitLive } from '../../api/live.ts';
import { aMessage, me } from './chat-builders.ts';
import { chatKeys } from './chat-cache.ts';
import type { MessagePages } from './chat-cache.ts';
import { pendingStore } from './chat-state.ts';
import { useMessageActions } from './use-message-actions.ts';
import { useMessages } from './use-messages.ts';

vi.mock('../../api/live.ts', () => ({ emitLive: vi.fn() }));
vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));
const mockedEmit = vi.mocked(emitLive);
const mockedCall = vi.mocked(call);
const roomId = 'r'.repeat(24);

function setup() {
  const client = new QueryClient();
  client.setQueryData<MessagePages>(chatKeys.messages(roomId), { pages: [{ items: [], nextCursor: null }], pageParams: [null] });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useMessageActions(), { wrapper });
  const listed = () => client.getQueryData<MessagePages>(chatKeys.messages(roomId))?.pages[0]?.items ?? [];
  return { actions: result.current, listed };
}

const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

beforeEach(() => {
  pendingStore.set({});
  mockedEmit.mockReset();
  mockedCall.mockReset();
});

describe('sending', () => {
  it('shows the message at once, then swaps it for the server copy', async () => {
    let answer: (ack: unknown) => void = () => undefined;
    mockedEmit.mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    const { actions, listed } = setup();
    act(() => actions.send(roomId, 'Bonjour'));
    const [pending] = Object.values(pendingStore.get());
    expect(pending).toMatchObject({ roomId, text: 'Bonjour', failed: false });
    answer({ ok: true, data: aMessage({ roomId, userId: me, text: 'Bonjour', clientId: pending?.clientId }) });
    await flush();
    expect(pendingStore.get()).toEqual({});
    expect(listed().map((m) => m.text)).toEqual(['Bonjour']);
  });

  it('marks a refused send failed and retries it with the same clientId, so it cannot be doubled', async () => {
    mockedEmit.mockResolvedValueOnce({ ok: false, error: { status: 429, title: 'Too many messages' } } as never);
    const { actions, listed } = setup();
    act(() => actions.send(roomId, 'Encore'));
    await flush();
    const [failed] = Object.values(pendingStore.get());
    expect(failed?.failed).toBe(true);

    mockedEmit.mockResolvedValueOnce({
      ok: true,
      data: aMessage({ roomId, clientId: failed?.clientId, text: 'Encore' }),
    } as never);
    act(() => actions.retry(failed!));
    await flush();
    const clientIds = mockedEmit.mock.calls.map(([, payload]) => (payload as { clientId: string }).clientId);
    expect(clientIds).toEqual([failed?.clientId, failed?.clientId]);
    expect(listed()).toHaveLength(1);
    expect(pendingStore.get()).toEqual({});
  });

  it('a message sent while the new room’s history is loading is in the history once it loads', async () => {
    let stored = aMessage({ roomId, userId: me, text: 'Bonjour Bruno' });
    let readBeforeTheSend: (page: unknown) => void = () => undefined;
    mockedCall
      .mockReturnValueOnce(new Promise((resolve) => (readBeforeTheSend = resolve)) as never)
      .mockImplementation(() => Promise.resolve({ items: [stored], nextCursor: null }) as never);
    mockedEmit.mockImplementation((_event, payload) => {
      stored = { ...stored, clientId: (payload as { clientId: string }).clientId };
      return Promise.resolve({ ok: true, data: stored }) as never;
    });
    const client = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => ({ room: useMessages(roomId), actions: useMessageActions() }), { wrapper });
    act(() => result.current.actions.send(roomId, 'Bonjour Bruno'));
    await flush();
    expect(pendingStore.get()).toEqual({});
    readBeforeTheSend({ items: [], nextCursor: null });
    await waitFor(() => expect(result.current.room.messages.map((m) => m.text)).toEqual(['Bonjour Bruno']));
  });
});
