import type { Project } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { aProject, edited } from '../test-builders.ts';
import { holdReplicaItem, putReplicaItem, replicaKey } from './replica/replica-cache.ts';
import type { ReplicaData } from './replica/replica-cache.ts';
import { useMove } from './use-move.ts';

/** A PATCH the test answers when it chooses. */
function deferredServer() {
  const calls: { rank: string; answer: (project: Project) => void }[] = [];
  const send = (_project: Project, rank: string) => new Promise<Project>((resolve) => calls.push({ rank, answer: resolve }));
  return { calls, send };
}

function setup(project: Project) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<ReplicaData<Project>>(replicaKey('projects'), { version: 'p1', items: [project] });
  const server = deferredServer();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(
    () =>
      useMove(
        server.send,
        (client, item: Project, ties) => putReplicaItem(client, 'projects', item, ties),
        (client, id) => holdReplicaItem(client, 'projects', id),
      ),
    { wrapper },
  );
  const shownRank = () => queryClient.getQueryData<ReplicaData<Project>>(replicaKey('projects'))?.items[0]?.rank;
  /** What the socket's `project.updated` applier does with an event. */
  const echo = (copy: Project) => putReplicaItem(queryClient, 'projects', copy);
  return { move: result.current, server, shownRank, echo };
}

describe('useMove with the replica', () => {
  it("keeps the second move when the first move's echo and answer arrive after it", async () => {
    const project = aProject({ rank: 'c005' });
    const { move, server, shownRank, echo } = setup(project);

    act(() => move(project, 'c003'));
    await expect.poll(() => server.calls.length).toBe(1); // the first PATCH is out
    act(() => move({ ...project, rank: 'c003' }, 'c001'));
    expect(shownRank()).toBe('c001');

    const first = edited(project, { rank: 'c003' });
    act(() => echo(first)); // its event, then its answer, land after the second move
    await act(async () => server.calls[0]?.answer(first));
    expect(shownRank()).toBe('c001');

    await expect.poll(() => server.calls.length).toBe(2);
    expect(server.calls[1]?.rank).toBe('c001');
    const second = edited(first, { rank: 'c001' });
    await act(async () => server.calls[1]?.answer(second));
    expect(shownRank()).toBe('c001');
    act(() => echo(first)); // a late repeat of the first echo changes nothing now
    act(() => echo(second));
    expect(shownRank()).toBe('c001');
  });

  it('shows what the server settled on once the last write is answered, another writer included', async () => {
    const project = aProject({ rank: 'c005' });
    const { move, server, shownRank, echo } = setup(project);

    act(() => move(project, 'c003'));
    await expect.poll(() => server.calls.length).toBe(1);
    // Someone else moved it meanwhile, after my PATCH: the server's later version stands.
    const mine = edited(project, { rank: 'c003' });
    const theirs = edited(mine, { rank: 'c009' });
    act(() => echo(theirs));
    expect(shownRank()).toBe('c003');
    await act(async () => server.calls[0]?.answer(mine));
    expect(shownRank()).toBe('c009');
  });
});
