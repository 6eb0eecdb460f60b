import type { RoomView } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import type { Page } from '../../api/list-cache.ts';
import { aRoom, me, other } from './chat-builders.ts';
import { chatKeys } from './chat-cache.ts';
import { RoomSettings } from './room-settings.tsx';
import './messages.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));
const mockedCall = vi.mocked(call);

const member = (userId: string, displayName: string, isAdmin: boolean) => ({
  userId,
  username: displayName.toLowerCase(),
  displayName,
  isAdmin,
  lastReadMessageId: null,
});
const aGroup = (adminIds: string[]) =>
  aRoom({
    type: 'group',
    name: 'Projet',
    members: [member(me, 'Alice', adminIds.includes(me)), member(other, 'Bruno', adminIds.includes(other))],
  });

function renderSettings(room: RoomView) {
  const client = new QueryClient();
  client.setQueryData<Page<RoomView>>(chatKeys.rooms, { items: [room], nextCursor: null });
  render(
    <QueryClientProvider client={client}>
      <RoomSettings room={room} me={me} />
    </QueryClientProvider>,
  );
  return () => client.getQueryData<Page<RoomView>>(chatKeys.rooms)?.items[0];
}

/** The API answers `result` to the route at `path`, and an empty page to the rest (the people picker's contacts). */
function answer(path: string, result: unknown) {
  mockedCall.mockImplementation((async (route: { path: string }) =>
    route.path === path ? result : { items: [], nextCursor: null }) as never);
}
const actions = () => mockedCall.mock.calls.filter(([route]) => route.path !== '/api/contacts');

beforeEach(() => {
  mockedCall.mockReset();
  answer('', null);
});

describe('group settings', () => {
  it('show a member the people and their own actions only: no rename, no removal, no deletion', () => {
    renderSettings(aGroup([other]));
    expect(screen.queryByLabelText('Nom du groupe')).toBeNull();
    expect(screen.queryByRole('button', { name: /Retirer/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Supprimer le groupe' })).toBeNull();
    expect(screen.getByText(/Seuls les admins/)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Membres' }).textContent).toContain('Bruno');
    expect(screen.getByRole('button', { name: 'Quitter le groupe' })).toBeTruthy();
  });

  it('let an admin remove a member: the list follows the server’s answer', async () => {
    const room = aGroup([me]);
    answer('/api/rooms/:id/members/:userId', { ...room, members: room.members.slice(0, 1) });
    const listed = renderSettings(room);
    await userEvent.click(screen.getByRole('button', { name: 'Retirer Bruno du groupe' }));
    expect(actions().map(([, input]) => input)).toEqual([{ params: { id: room.id, userId: other } }]);
    await waitFor(() => expect(listed()?.members.map((m) => m.userId)).toEqual([me]));
  });

  it('delete only after confirming; Esc cancels', async () => {
    renderSettings(aGroup([me]));
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer le groupe' }));
    expect(screen.getByRole('dialog').textContent).toContain('Supprimer « Projet »');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(actions()).toEqual([]);

    answer('/api/rooms/:id', { id: aRoom().id });
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer le groupe' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Supprimer le groupe' }));
    expect(actions().map(([route, input]) => [route.method, input])).toEqual([['delete', { params: { id: aRoom().id } }]]);
  });
});
