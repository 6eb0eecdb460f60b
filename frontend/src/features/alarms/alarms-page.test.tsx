import type { Alarm } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { navigate } from '../../lib/location.ts';
import { anAlarm } from './alarm-test-data.ts';
import { alarmsKey } from './alarm-cache.ts';
import AlarmsPage from './alarms-page.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

function renderWith(alarms: Alarm[]) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(alarmsKey, alarms);
  render(
    <QueryClientProvider client={queryClient}>
      <AlarmsPage />
    </QueryClientProvider>,
  );
}

const titles = () =>
  within(screen.getByRole('list', { name: 'Mes alarmes' }))
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.alarm-title')?.textContent);

describe('Alarmes', () => {
  it('says how to start when there is no alarm', () => {
    act(() => navigate('/alarms'));
    renderWith([]);
    expect(screen.getByText('Aucune alarme. Créez-en une avec « Nouvelle alarme » ou la touche C.')).toBeTruthy();
  });

  it('lists the next to ring first, the ones off or done last, with what each will do', () => {
    act(() => navigate('/alarms'));
    const later = anAlarm({ title: 'Later' });
    const sooner = anAlarm({ title: 'Sooner', effectiveAt: new Date(Date.now() + 60_000).toISOString() });
    const off = anAlarm({ title: 'Off', enabled: false, effectiveAt: null });
    const daily = anAlarm({ title: 'Daily', recurrence: { type: 'daily' } });
    renderWith([off, later, daily, sooner]);
    expect(titles()).toEqual(['Sooner', 'Later', 'Daily', 'Off']);
    expect(screen.getByText(/Tous les jours/)).toBeTruthy();
    expect(screen.getByText('Désactivée')).toBeTruthy();
  });

  it('opens the form with C, its Quand ? field focused', async () => {
    act(() => navigate('/alarms'));
    renderWith([anAlarm()]);
    expect(screen.queryByRole('form', { name: 'Nouvelle alarme' })).toBeNull();
    await userEvent.keyboard('c');
    expect(screen.getByRole('form', { name: 'Nouvelle alarme' })).toBeTruthy();
    expect(screen.getByLabelText('Quand ?')).toBe(document.activeElement);
  });

  it('opens the form from a task (?new=1&taskId=) and fills the title and time from the quick entry', async () => {
    act(() => navigate('/alarms?new=1&taskId=665f1c2e9b1e8a0012345678'));
    renderWith([]);
    await userEvent.type(screen.getByLabelText('Quand ?'), 'Appeler Paul dans 20 min');
    expect((screen.getByLabelText('Titre') as HTMLInputElement).value).toBe('Appeler Paul');
    expect((screen.getByLabelText('Date et heure') as HTMLInputElement).value).not.toBe('');
  });
});
