import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../app/auth/session-store.ts';
import { aProject } from '../../test-builders.ts';
import { aTask } from '../../test-builders.ts';
import { i18n } from '../../i18n/i18n.ts';
import { TaskRow } from './task-row.tsx';
import './messages.ts';

const me = { id: '1'.repeat(24), username: 'alice', displayName: 'Alice Martin' };
const bob = { id: '2'.repeat(24), username: 'bob', displayName: 'Bob Durand' };
const shared = aProject({ userId: me.id, memberIds: [me.id, bob.id], members: [me, bob], name: 'Chantier' });

beforeEach(() =>
  sessionStore.set({
    phase: 'signed-in',
    user: { ...me, role: 'user', disabled: false, avatarFileId: null, createdAt: shared.createdAt },
  }),
);
afterEach(() => sessionStore.set({ phase: 'booting' }));

const actions = { patch: vi.fn(), remove: vi.fn(), promote: vi.fn(), open: vi.fn(), select: vi.fn() };
const renderRow = (task: ReturnType<typeof aTask>) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <TaskRow
        task={task}
        project={shared}
        selected={false}
        active={false}
        actions={actions}
        context={{
          t: i18n.getFixedT(null, 'tasks'),
          me: me.id,
          now: Date.now(),
          statusOptions: [],
          moveTargets: [{ value: 'none', label: 'Sans projet' }],
        }}
      />
    </QueryClientProvider>,
  );

describe('TaskRow in a shared project', () => {
  it('names the member who created a task', () => {
    renderRow(aTask({ userId: bob.id, projectId: shared.id, title: 'Commander le béton' }));
    expect(screen.getByText('par Bob Durand')).toBeTruthy();
  });

  it("links the project's name to its page", () => {
    renderRow(aTask({ userId: me.id, projectId: shared.id, title: 'Poser les gaines' }));
    expect(screen.getByRole('link', { name: 'Chantier' }).getAttribute('href')).toBe(`/projects/${shared.id}`);
  });

  it('says nothing of my own tasks', () => {
    renderRow(aTask({ userId: me.id, projectId: shared.id, title: 'Relire le devis' }));
    expect(screen.queryByText(/^par /)).toBeNull();
  });
});

describe('TaskRow menu', () => {
  it('moves the task to the inbox, promotes it, and offers a new alarm about it', () => {
    const task = aTask({ userId: me.id, projectId: shared.id, title: 'Couler la dalle', assigneeId: bob.id });
    renderRow(task);
    expect(screen.getByText('pour Bob Durand')).toBeTruthy();
    const open = () => fireEvent.click(screen.getByRole('button', { name: 'Actions sur Couler la dalle' }));
    open();
    fireEvent.change(screen.getByLabelText('Déplacer vers'), { target: { value: 'none' } });
    expect(actions.patch).toHaveBeenCalledWith(task, { projectId: null });
    open();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Remonter en tête' }));
    expect(actions.promote).toHaveBeenCalledWith(task);
    open();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Nouvelle alarme' }));
    expect(window.location.pathname + window.location.search).toBe(`/alarms?new=1&taskId=${task.id}`);
  });

  it('a Shift-click on the box asks for a range', () => {
    const task = aTask({ userId: me.id, title: 'Range' });
    renderRow(task);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner Range' }), { shiftKey: true });
    expect(actions.select).toHaveBeenCalledWith(task, true, true);
  });
});
