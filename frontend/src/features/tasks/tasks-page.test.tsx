import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { replicaKey } from '../../api/replica/replica-cache.ts';
import { currentLocation, navigate } from '../../lib/location.ts';
import { aTask } from '../../test-builders.ts';
import TasksPage from './tasks-page.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

function renderAt(path: string, tasks: unknown[]) {
  const queryClient = new QueryClient();
  for (const [collection, items] of [
    ['projects', []],
    ['tasks', tasks],
  ] as const)
    queryClient.setQueryData(replicaKey(collection), { version: 'v1', items });
  navigate(path);
  render(
    <QueryClientProvider client={queryClient}>
      <TasksPage />
    </QueryClientProvider>,
  );
}

afterEach(() => navigate('/'));

describe('Tâches at ?open=<id>', () => {
  it("opens that task's detail even when the filters hide it, and closing keeps the filters", async () => {
    const done = aTask({ title: 'Relancer le plombier', status: 'done' });
    renderAt(`/tasks?due=overdue&open=${done.id}`, [done]);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByDisplayValue('Relancer le plombier')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(currentLocation().search).toBe('?due=overdue');
  });

  it('says so when the task is gone', async () => {
    renderAt(`/tasks?open=${'f'.repeat(24)}`, [aTask({ title: 'Autre' })]);
    expect((await screen.findByRole('status')).textContent).toMatch(/n’existe plus/);
  });
});
