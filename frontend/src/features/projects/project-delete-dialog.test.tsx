import type { RouteContract } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { replicaKey } from '../../api/replica/replica-cache.ts';
import { aNoteSession, aNoteSummary, aProject, aTask } from '../../test-builders.ts';
import { ProjectDeleteDialog } from './project-delete-dialog.tsx';
import './messages.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const project = aProject({ name: 'Lancement' });
const elsewhere = 'f'.repeat(24);
const page = (count: number, more = false) => ({
  items: Array.from({ length: count }, (_, i) => ({ id: String(i) })),
  nextCursor: more ? 'next' : null,
});

describe('the project delete dialog', () => {
  it('counts every kind of content the deletion removes, and only this project’s', async () => {
    const queryClient = new QueryClient();
    const seed = (collection: string, items: unknown[]) =>
      queryClient.setQueryData(replicaKey(collection as 'tasks'), { version: 'v1', items });
    const [first, second] = [aNoteSession({ projectId: project.id }), aNoteSession({ projectId: project.id })];
    seed('tasks', [aTask({ projectId: project.id }), aTask({ projectId: project.id }), aTask({ projectId: elsewhere })]);
    seed('notes', [aNoteSummary({ projectId: project.id })]);
    seed('noteSessions', [first, second, aNoteSession({ projectId: null })]);
    seed('links', [{ id: 'l1', projectId: project.id }]);
    vi.mocked(call).mockImplementation(((route: RouteContract, input: { query: { sessionId?: string } }) => {
      if (route === routes.files.list) return Promise.resolve(page(200, true));
      return Promise.resolve(page(input.query.sessionId === first.id ? 2 : 3));
    }) as typeof call);

    render(
      <QueryClientProvider client={queryClient}>
        <ProjectDeleteDialog project={project} onClose={() => undefined} />
      </QueryClientProvider>,
    );
    const list = await screen.findByRole('list');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '2 tâches',
      '1 note',
      '2 sessions de notes',
      '5 lignes de session',
      '1 lien',
      '200 fichiers+',
    ]);
  });
});
