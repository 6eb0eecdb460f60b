import type { Note } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { replicaKey } from '../../api/replica/replica-cache.ts';
import type { ReplicaData } from '../../api/replica/replica-cache.ts';
import { aNoteSession, aNoteSummary } from '../../test-builders.ts';
import { putNote } from './note-cache.ts';
import { NotesSidebar } from './notes-sidebar.tsx';
import { SessionView } from './session-view.tsx';
import './messages.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

function withReplica(parts: { notes?: unknown[]; noteSessions?: unknown[] }) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(replicaKey('notes'), { version: 'v1', items: parts.notes ?? [] });
  queryClient.setQueryData(replicaKey('noteSessions'), { version: 'v1', items: parts.noteSessions ?? [] });
  return queryClient;
}

const titlesIn = (name: string) =>
  within(screen.getByRole('list', { name }))
    .getAllByRole('link')
    .map((a) => a.querySelector('.notes-item-title')?.textContent);

describe('notes list', () => {
  it('lists notes last edited first and sessions newest first from the replica, switching with no request', async () => {
    const user = userEvent.setup();
    const queryClient = withReplica({
      notes: [
        aNoteSummary({ title: 'Edited yesterday', updatedAt: '2026-11-25T10:00:00.000Z' }),
        aNoteSummary({ title: 'Edited today', updatedAt: '2026-11-26T10:00:00.000Z' }),
      ],
      noteSessions: [
        aNoteSession({ name: 'Monday', createdAt: '2026-11-23T10:00:00.000Z' }),
        aNoteSession({ name: 'Wednesday', createdAt: '2026-11-25T10:00:00.000Z' }),
      ],
    });
    render(
      <QueryClientProvider client={queryClient}>
        <NotesSidebar current={undefined} initialKind="notes" />
      </QueryClientProvider>,
    );
    expect(titlesIn('Notes')).toEqual(['Edited today', 'Edited yesterday']);
    await user.click(screen.getByRole('radio', { name: 'Sessions' }));
    expect(titlesIn('Sessions')).toEqual(['Wednesday', 'Monday']);
    expect(call).not.toHaveBeenCalled();
  });

  it('moves a saved note to the top, keeping only its list fields in the replica', async () => {
    const older = aNoteSummary({ title: 'Older', updatedAt: '2026-11-26T10:00:00.000Z' });
    const saved = aNoteSummary({ title: 'Saved', updatedAt: '2026-11-25T10:00:00.000Z' });
    const queryClient = withReplica({ notes: [older, saved] });
    render(
      <QueryClientProvider client={queryClient}>
        <NotesSidebar current={undefined} initialKind="notes" />
      </QueryClientProvider>,
    );
    const note: Note = { ...saved, title: 'Saved again', content: '# long text', updatedAt: '2026-11-27T10:00:00.000Z' };
    act(() => putNote(queryClient, note));
    await screen.findByText('Saved again');
    expect(titlesIn('Notes')).toEqual(['Saved again', 'Older']);
    const held = queryClient.getQueryData<ReplicaData<Record<string, unknown>>>(replicaKey('notes'))!.items;
    expect(held.find((n) => n.id === saved.id)).not.toHaveProperty('content');
  });

  it('says a session the replica does not hold no longer exists', () => {
    render(
      <QueryClientProvider client={withReplica({ noteSessions: [aNoteSession()] })}>
        <SessionView id={'f'.repeat(24)} />
      </QueryClientProvider>,
    );
    expect(screen.getByText('Cette session n’existe plus.')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();
  });
});
