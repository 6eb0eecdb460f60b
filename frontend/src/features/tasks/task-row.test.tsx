import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionStore } from '../../app/auth/session-store.ts';
import { aProject } from '../../test-builders.ts';
import { aTask } from '../../test-builders.ts';
import { TaskRow } from './task-row.tsx';
import './messages.ts';

const me = { id: '1'.repeat(24), username: 'alice', displayName: 'Alice Martin' };
const bob = { id: '2'.repeat(24), username: 'bob', displayName: 'Bob Durand' };
const shared = aProject({ userId: me.id, memberIds: [me.id, bob.id], members: [me, bob], name: 'Chantier' });

beforeEach(() =>
  sessionStore.set({ phase: 'signed-in', user: { ...me, role: 'user', disabled: false, createdAt: shared.createdAt } }),
);
afterEach(() => sessionStore.set({ phase: 'booting' }));

const renderRow = (task: ReturnType<typeof aTask>) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <TaskRow
        task={task}
        project={shared}
        selected={false}
        onSelect={() => undefined}
        onPatch={() => undefined}
        onDelete={() => undefined}
        now={Date.now()}
        statusOptions={[]}
      />
    </QueryClientProvider>,
  );

describe('TaskRow in a shared project', () => {
  it('names the member who created a task', () => {
    renderRow(aTask({ userId: bob.id, projectId: shared.id, title: 'Commander le béton' }));
    expect(screen.getByText('par Bob Durand')).toBeTruthy();
  });

  it('says nothing of my own tasks', () => {
    renderRow(aTask({ userId: me.id, projectId: shared.id, title: 'Relire le devis' }));
    expect(screen.queryByText(/^par /)).toBeNull();
  });
});
