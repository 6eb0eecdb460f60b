import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { putReplicaItem, replicaKey } from '../../api/replica/replica-cache.ts';
import { aNoteSummary, aProject, aTask, edited } from '../../test-builders.ts';
import DashboardPage from './dashboard-page.tsx';
import { localDashboard } from './local-dashboard.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();

function renderDashboard() {
  const project = aProject({ name: 'Launch', createdAt: hoursAgo(5) });
  const queryClient = new QueryClient();
  const seed = (collection: 'projects' | 'tasks' | 'notes' | 'noteSessions', items: unknown[]) =>
    queryClient.setQueryData(replicaKey(collection), { version: 'v1', items });
  seed('projects', [project]);
  seed('tasks', [
    aTask({ title: 'Late report', projectId: project.id, deadline: hoursAgo(2) }),
    aTask({ title: 'Shipped last week', status: 'done', statusChangedAt: hoursAgo(72) }),
  ]);
  seed('notes', [aNoteSummary({ title: 'Kick-off', createdAt: hoursAgo(1), updatedAt: hoursAgo(1) })]);
  seed('noteSessions', []);
  render(
    <QueryClientProvider client={queryClient}>
      <DashboardPage />
    </QueryClientProvider>,
  );
  const card = (name: string) => screen.getByRole('region', { name: new RegExp(name) });
  const itemsOf = (name: string) =>
    within(card(name))
      .queryAllByRole('listitem')
      .map((li) => li.textContent);
  return { queryClient, project, card, itemsOf };
}

describe('Accueil', () => {
  it('computes its sections from the replica and switches the activity window without a request', async () => {
    const user = userEvent.setup();
    const { card, itemsOf } = renderDashboard();
    expect(itemsOf('En retard')).toEqual([expect.stringContaining('Late report')]);
    // The cards below the deadlines follow the first paint.
    await screen.findByRole('region', { name: /Portefeuille/ });
    expect(within(card('Portefeuille')).getByText(/1 ouvertes · 0 terminées · 1 en retard/)).toBeTruthy();
    expect(itemsOf('Activité')).toHaveLength(3); // the last 7 days
    await user.click(screen.getByRole('radio', { name: '24 h' }));
    expect(itemsOf('Activité')).toEqual([expect.stringContaining('Kick-off'), expect.stringContaining('Launch')]);
    expect(call).not.toHaveBeenCalled();
  });

  it('follows a change made elsewhere at once: a task done leaves the overdue list', async () => {
    const { queryClient, itemsOf } = renderDashboard();
    const [late] = queryClient.getQueryData<{ items: ReturnType<typeof aTask>[] }>(replicaKey('tasks'))!.items;
    act(() => {
      putReplicaItem(queryClient, 'tasks', edited(late!, { status: 'done' }));
    });
    await expect.poll(() => itemsOf('En retard')).toEqual([]);
    expect(call).not.toHaveBeenCalled();
  });

  it('paints a first start from the server’s answer, then from the replica once it holds every collection', async () => {
    const project = aProject({ name: 'Launch' });
    const late = aTask({ title: 'Late on the server', projectId: project.id, deadline: hoursAgo(2) });
    const source = { projects: [project], tasks: [late], notes: [], noteSessions: [] };
    // The server answers its dashboard; the replica's snapshots are still on their way.
    const answer = localDashboard(source, '7d', new Date());
    vi.mocked(call).mockImplementation((route) =>
      route === routes.dashboard.get ? Promise.resolve(answer) : new Promise<never>(() => undefined),
    );
    const dashboardCalls = () => vi.mocked(call).mock.calls.filter(([route]) => route === routes.dashboard.get);
    const queryClient = new QueryClient();
    render(
      <QueryClientProvider client={queryClient}>
        <DashboardPage />
      </QueryClientProvider>,
    );
    const overdue = () =>
      within(screen.getByRole('region', { name: /En retard/ }))
        .queryAllByRole('listitem')
        .map((li) => li.textContent);
    expect(await screen.findByText('Late on the server')).toBeTruthy();
    expect(dashboardCalls()).toHaveLength(1);

    act(() => {
      for (const [collection, items] of Object.entries({ ...source, tasks: [edited(late, { title: 'Late, live' })] })) {
        queryClient.setQueryData(replicaKey(collection as 'tasks'), { version: 'v1', items });
      }
    });
    await expect.poll(overdue).toEqual([expect.stringContaining('Late, live')]);
    expect(dashboardCalls()).toHaveLength(1);
  });

  it('tells about Ctrl K and G sequences only where there is a keyboard', () => {
    renderDashboard();
    expect(screen.getByText(/Appuyez sur Ctrl K pour la palette de commandes/)).toBeTruthy();
  });

  it('leaves the key tip out on a touch screen without a mouse', () => {
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query) =>
        ({
          matches: query === '(hover: none)',
          media: query,
          addEventListener: () => {},
          removeEventListener: () => {},
        }) as unknown as MediaQueryList,
    );
    renderDashboard();
    expect(screen.getByText(/^Nous sommes le /).textContent).not.toMatch(/Appuyez|Ctrl|⌘/);
  });
});
