import type { CalendarEvent } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { preferencesStore } from '../../api/preferences-store.ts';
import { replicaKey } from '../../api/replica/replica-cache.ts';
import { currentLocation, navigate } from '../../lib/location.ts';
import { toastStore } from '../../lib/toasts.ts';
import { aTask, entityBase } from '../../test-builders.ts';
import { calendarEvents, rangeKey } from './calendar-cache.ts';
import CalendarPage from './calendar-page.tsx';
import { HOUR_HEIGHT } from './week-view.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));
const mockedCall = vi.mocked(call);

function anEvent(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  const { n, ...base } = entityBase();
  return {
    ...base,
    uid: `uid-${n}`,
    title: `Event ${n}`,
    description: '',
    location: '',
    start: '2026-03-25T08:00:00.000Z',
    end: '2026-03-25T09:00:00.000Z',
    allDay: false,
    source: 'manual',
    ...overrides,
  };
}

// The week of Wednesday 25 March 2026 in Paris (UTC+1 that week): Monday 00:00 → next Monday 00:00.
const week = rangeKey('2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z');
const columnsWidth = 700; // seven columns of 100 px

function renderWeek(events: CalendarEvent[], tasks: unknown[] = []) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(week, { items: events, truncated: false });
  queryClient.setQueryData(replicaKey('tasks'), { version: 'v1', items: tasks });
  queryClient.setQueryData(replicaKey('projects'), { version: 'v1', items: [] });
  act(() => navigate('/calendar?view=week&date=2026-03-25'));
  render(
    <QueryClientProvider client={queryClient}>
      <CalendarPage />
    </QueryClientProvider>,
  );
  return queryClient;
}

const grid = () => document.querySelector<HTMLElement>('.cal-columns')!;
/** Pointer events on the hour grid at a day column and a time (hours since midnight). */
const at = (day: number, hours: number) => ({ clientX: day * 100 + 50, clientY: hours * HOUR_HEIGHT, pointerId: 1, button: 0 });

beforeEach(() => {
  preferencesStore.set({ ...preferencesStore.get(), language: 'fr', timeZone: 'Europe/Paris' });
  // jsdom lays nothing out: the grid is 700 px wide and 24 hours tall at the page's top left.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    return {
      left: 0,
      top: 0,
      width: this.classList.contains('cal-columns') ? columnsWidth : 0,
      height: 24 * HOUR_HEIGHT,
    } as DOMRect;
  });
  HTMLElement.prototype.setPointerCapture = () => {};
  mockedCall.mockReset();
  // Other weeks than the one seeded are read from a server that has nothing there.
  mockedCall.mockImplementation(
    async (route) => (route === routes.calendarEvents.list ? { items: [], truncated: false } : undefined) as never,
  );
});
afterEach(() => {
  navigate('/');
  toastStore.set([]);
});

describe('Calendrier, week view', () => {
  it('draws overlapping events side by side at their Paris time', () => {
    renderWeek([
      anEvent({ title: 'Réunion', start: '2026-03-25T08:00:00.000Z', end: '2026-03-25T09:30:00.000Z' }),
      anEvent({ title: 'Appel', start: '2026-03-25T09:00:00.000Z', end: '2026-03-25T10:00:00.000Z' }),
    ]);
    const meeting = screen.getByRole('button', { name: 'Réunion, 09:00–10:30' });
    const call = screen.getByRole('button', { name: 'Appel, 10:00–11:00' });
    expect([meeting.style.top, meeting.style.left, meeting.style.width]).toEqual([`${9 * HOUR_HEIGHT}px`, '0%', '50%']);
    expect([call.style.left, call.style.width]).toEqual(['50%', '50%']);
    expect(meeting.closest('.cal-column')?.getAttribute('aria-label')).toBe('mercredi 25 mars');
  });

  it('goes to the next and previous week with → and ←, and back to today with T', async () => {
    renderWeek([]);
    await userEvent.keyboard('{ArrowRight}');
    expect(currentLocation().search).toBe('?view=week&date=2026-04-01');
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(currentLocation().search).toBe('?view=week&date=2026-03-18');
    await userEvent.keyboard('t');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    expect(currentLocation().search).toBe(`?view=week&date=${today}`);
  });

  it('creates an event by dragging a slot: 9:05 to 10:20 on Thursday is 09:00–10:30 Paris time', async () => {
    renderWeek([]);
    fireEvent.pointerDown(grid(), at(3, 9 + 5 / 60));
    fireEvent.pointerMove(grid(), at(3, 10 + 20 / 60));
    expect(grid().querySelector('.cal-ghost')?.textContent).toBe('09:00–10:30');
    fireEvent.pointerUp(grid(), at(3, 10 + 20 / 60));
    const dialog = screen.getByRole('dialog', { name: 'Nouvel événement' });
    expect((within(dialog).getByLabelText('Début') as HTMLInputElement).value).toBe('2026-03-26T09:00');
    expect((within(dialog).getByLabelText('Fin') as HTMLInputElement).value).toBe('2026-03-26T10:30');
    const created = anEvent({ title: 'Atelier', start: '2026-03-26T08:00:00.000Z', end: '2026-03-26T09:30:00.000Z' });
    mockedCall.mockResolvedValueOnce(created);
    await userEvent.type(within(dialog).getByLabelText('Titre'), 'Atelier{Enter}');
    expect(mockedCall).toHaveBeenCalledWith(routes.calendarEvents.create, {
      body: expect.objectContaining({
        title: 'Atelier',
        start: '2026-03-26T08:00:00.000Z',
        end: '2026-03-26T09:30:00.000Z',
        allDay: false,
      }),
    });
    await screen.findByRole('button', { name: 'Atelier, 09:00–10:30' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the new event form open with what was typed when the server refuses it', async () => {
    renderWeek([]);
    await userEvent.keyboard('c');
    mockedCall.mockRejectedValueOnce(new Error('Le serveur a refusé'));
    await userEvent.keyboard('Revue{Enter}');
    await waitFor(() => expect(toastStore.get().map((t) => t.message)).toContain('Le serveur a refusé'));
    const dialog = screen.getByRole('dialog', { name: 'Nouvel événement' });
    expect((within(dialog).getByLabelText('Titre') as HTMLInputElement).value).toBe('Revue');
  });

  it('Esc during a drag cancels it: no slot, no form', async () => {
    renderWeek([]);
    fireEvent.pointerDown(grid(), at(1, 9));
    fireEvent.pointerMove(grid(), at(1, 11));
    expect(grid().querySelector('.cal-ghost')).not.toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(grid().querySelector('.cal-ghost')).toBeNull();
    fireEvent.pointerUp(grid(), at(1, 11));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('C opens the form on its quick entry: "Réunion demain 14h-15h" fills the title and the times', async () => {
    renderWeek([]);
    await userEvent.keyboard('c');
    const dialog = screen.getByRole('dialog', { name: 'Nouvel événement' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Ajout rapide'));
    await userEvent.keyboard('Réunion demain 14h-15h');
    expect((within(dialog).getByLabelText('Titre') as HTMLInputElement).value).toBe('Réunion');
    expect((within(dialog).getByLabelText('Début') as HTMLInputElement).value).toMatch(/T14:00$/);
    expect((within(dialog).getByLabelText('Fin') as HTMLInputElement).value).toMatch(/T15:00$/);
  });

  it('moves an event by drag at once, and puts it back when the server refuses', async () => {
    const event = anEvent({ title: 'Réunion' });
    renderWeek([event]);
    let refuse: (error: Error) => void = () => {};
    mockedCall.mockReturnValueOnce(new Promise((_, reject) => (refuse = reject)));
    const block = screen.getByRole('button', { name: 'Réunion, 09:00–10:00' });
    fireEvent.pointerDown(block, at(2, 9));
    fireEvent.pointerMove(grid(), at(3, 10.5)); // a day later, an hour and a half down
    fireEvent.pointerUp(grid(), at(3, 10.5));
    await waitFor(() =>
      expect(mockedCall).toHaveBeenCalledWith(routes.calendarEvents.update, {
        params: { id: event.id },
        body: { start: '2026-03-26T09:30:00.000Z', end: '2026-03-26T10:30:00.000Z' },
      }),
    );
    const moved = await screen.findByRole('button', { name: 'Réunion, 10:30–11:30' });
    expect(moved.closest('[data-day]')?.getAttribute('data-day')).toBe('3');
    act(() => refuse(new Error('Le serveur a refusé')));
    await screen.findByRole('button', { name: 'Réunion, 09:00–10:00' });
    expect(toastStore.get().map((t) => t.message)).toContain('Le serveur a refusé');
  });

  it('resizes an event by its bottom edge in quarter hours', async () => {
    const event = anEvent({ title: 'Réunion' });
    renderWeek([event]);
    mockedCall.mockResolvedValueOnce({ ...event, end: '2026-03-25T09:45:00.000Z' });
    const edge = screen.getByRole('button', { name: 'Réunion, 09:00–10:00' }).querySelector('[data-resize]')!;
    fireEvent.pointerDown(edge, at(2, 10));
    fireEvent.pointerMove(grid(), at(2, 10.8)); // 48 minutes: three quarters
    fireEvent.pointerUp(grid(), at(2, 10.8));
    await waitFor(() =>
      expect(mockedCall).toHaveBeenCalledWith(routes.calendarEvents.update, {
        params: { id: event.id },
        body: { start: event.start, end: '2026-03-25T09:45:00.000Z' },
      }),
    );
    await screen.findByRole('button', { name: 'Réunion, 09:00–10:45' });
  });

  it('deletes from the form, and Annuler restores the event', async () => {
    const event = anEvent({ title: 'Réunion' });
    renderWeek([event]);
    const block = screen.getByRole('button', { name: 'Réunion, 09:00–10:00' });
    fireEvent.pointerDown(block, at(2, 9));
    fireEvent.pointerUp(grid(), at(2, 9)); // a press without a move opens it
    mockedCall.mockResolvedValueOnce(undefined);
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Modifier l’événement' })).getByRole('button', { name: 'Supprimer' }),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Réunion/ })).toBeNull());
    expect(mockedCall).toHaveBeenCalledWith(routes.calendarEvents.remove, { params: { id: event.id } });
    await waitFor(() => expect(toastStore.get()).toHaveLength(1));
    const toast = toastStore.get()[0]!;
    expect(toast.message).toBe('Événement « Réunion » supprimé');
    mockedCall.mockResolvedValueOnce(event);
    act(() => toast.action!.run());
    await waitFor(() => expect(mockedCall).toHaveBeenLastCalledWith(routes.calendarEvents.restore, { params: { id: event.id } }));
    await screen.findByRole('button', { name: 'Réunion, 09:00–10:00' });
  });

  it('shows task deadlines only with the toggle, remembered, and opening one goes to the task', async () => {
    const task = aTask({ title: 'Rendre le rapport', deadline: '2026-03-26T22:59:59.999Z' }); // end of Thursday, Paris
    renderWeek([], [task]);
    expect(screen.queryByRole('button', { name: /Rendre le rapport/ })).toBeNull();
    mockedCall.mockResolvedValue({ items: [], nextCursor: null });
    await userEvent.click(screen.getByLabelText('Tâches et alarmes'));
    const deadline = screen.getByRole('button', { name: 'Rendre le rapport, Échéance' });
    expect(deadline.style.gridColumn).toBe('4 / span 1');
    expect(localStorage.getItem('pnx.calendarTasks.')).toBe('true');
    await userEvent.click(deadline);
    expect(currentLocation().pathname + currentLocation().search).toBe(`/tasks?open=${task.id}`);
  });

  it('shows an event another browser created, live', async () => {
    const queryClient = renderWeek([]);
    const lunch = anEvent({ title: 'Déjeuner', start: '2026-03-27T11:00:00.000Z', end: '2026-03-27T12:00:00.000Z' });
    act(() => calendarEvents['calendar.event.created']!(queryClient, lunch));
    await screen.findByRole('button', { name: 'Déjeuner, 12:00–13:00' });
  });
});
