import type { Alarm } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { edited } from '../../test-builders.ts';
import { anAlarm } from './alarm-test-data.ts';
import { alarmEvents, alarmsKey, ringingStore } from './alarm-cache.ts';
import RingingDialog from './ringing-dialog.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

/** An alarm that rang at 09:00 Paris and is not answered yet. */
const aRinging = (overrides: Partial<Alarm> = {}) =>
  anAlarm({
    enabled: false,
    nextTriggerAt: '2026-12-01T08:00:00.000Z',
    done: true,
    lastFiredAt: '2026-12-01T08:00:00.100Z',
    effectiveAt: null,
    ringing: true,
    ...overrides,
  });

/** The dialog over a list as this browser read it (by default the alarm before it rang); the list is not read again. */
function setup(alarm: Alarm, listed: Alarm[] = [{ ...alarm, ringing: false, lastFiredAt: null }]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  queryClient.setQueryData(alarmsKey, listed);
  render(
    <QueryClientProvider client={queryClient}>
      <RingingDialog />
    </QueryClientProvider>,
  );
  const fire = () => act(() => alarmEvents['alarm.fired']!(queryClient, { alarm, dueAt: alarm.nextTriggerAt, late: false }));
  return { queryClient, fire };
}

afterEach(() => ringingStore.set([]));

describe('the ringing alarm', () => {
  it('opens a dialog with its title and the snooze and dismiss choices when the server fires it', async () => {
    const alarm = aRinging({ title: 'Stand-up' });
    const { fire } = setup(alarm);
    expect(screen.queryByRole('dialog')).toBeNull();
    fire();
    const dialog = await screen.findByRole('dialog', { name: 'Alarme : Stand-up' });
    for (const name of ['Reporter 5 min', 'Reporter 15 min', 'Reporter 60 min', 'Ignorer']) {
      expect((within(dialog).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(false);
    }
  });

  it('snoozes through the API and closes', async () => {
    const alarm = aRinging({ title: 'Tea' });
    const snoozed = edited(alarm, { ringing: false, enabled: true, done: false });
    vi.mocked(call).mockResolvedValueOnce(snoozed);
    const { fire } = setup(alarm);
    fire();
    await userEvent.click(await screen.findByRole('button', { name: 'Reporter 15 min' }));
    expect(call).toHaveBeenCalledWith(expect.objectContaining({ path: '/api/alarms/:id/snooze' }), {
      params: { id: alarm.id },
      body: { minutes: 15 },
    });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('closes when another browser answered it (its update no longer rings)', async () => {
    const alarm = aRinging({ title: 'Elsewhere' });
    const { queryClient, fire } = setup(alarm);
    fire();
    await screen.findByRole('dialog');
    act(() =>
      alarmEvents['alarm.updated']!(queryClient, edited(alarm, { ringing: false, acknowledgedAt: new Date().toISOString() })),
    );
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(queryClient.getQueryData<Alarm[]>(alarmsKey)?.[0]?.ringing).toBe(false);
  });
});

describe('alarms already ringing when the browser opens', () => {
  it('shows them all in one dialog, each with its own snooze and dismiss', async () => {
    const tea = aRinging({ title: 'Tea' });
    const paul = aRinging({ title: 'Call Paul', lastFiredAt: '2026-12-01T08:05:00.000Z' });
    setup(tea, [tea, paul, aRinging({ title: 'Quiet', ringing: false })]);
    const dialog = await screen.findByRole('dialog', { name: '2 alarmes sonnent' });
    const items = within(dialog).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual(['Tea', 'Call Paul']);
    for (const item of items) expect(within(item).getAllByRole('button')).toHaveLength(4);
  });

  it('leaves the others ringing when one is dismissed, and closes when another browser answers the last', async () => {
    const tea = aRinging({ title: 'Tea' });
    const paul = aRinging({ title: 'Call Paul', lastFiredAt: '2026-12-01T08:05:00.000Z' });
    vi.mocked(call).mockResolvedValueOnce(edited(tea, { ringing: false, acknowledgedAt: new Date().toISOString() }));
    const { queryClient } = setup(tea, [tea, paul]);
    const dialog = await screen.findByRole('dialog', { name: '2 alarmes sonnent' });
    await userEvent.click(within(within(dialog).getByRole('listitem', { name: 'Tea' })).getByRole('button', { name: 'Ignorer' }));
    await screen.findByRole('dialog', { name: 'Alarme : Call Paul' });
    act(() =>
      alarmEvents['alarm.updated']!(queryClient, edited(paul, { ringing: false, acknowledgedAt: new Date().toISOString() })),
    );
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('does not bring back a ring hidden with Esc when the list is read again', async () => {
    const tea = aRinging({ title: 'Tea' });
    const { queryClient } = setup(tea, [tea]);
    await screen.findByRole('dialog', { name: 'Alarme : Tea' });
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    act(() => queryClient.setQueryData(alarmsKey, [{ ...tea }]));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
