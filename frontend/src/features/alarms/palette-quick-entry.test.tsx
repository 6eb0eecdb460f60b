import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { preferencesStore } from '../../api/preferences-store.ts';
import { setLanguage } from '../../i18n/i18n.ts';
import { CommandPalette } from '../../app/palette/command-palette.tsx';
import { anAlarm } from './alarm-test-data.ts';
import { Toaster } from '../../ui/toast.tsx';
import { alarmsFeature } from './feature.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const newLink = { id: 'links.new', label: 'Nouveau lien', section: 'actions' as const, keywords: '', perform: vi.fn() };

/** As the shell shows it: outside the data layer, with no query cache. */
function openPalette() {
  const onClose = vi.fn();
  render(
    <>
      <CommandPalette items={[newLink]} features={[alarmsFeature]} onClose={onClose} />
      <Toaster />
    </>,
  );
  return { onClose };
}

const before = preferencesStore.get();
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T15:00:00Z') }));
afterEach(async () => {
  vi.useRealTimers();
  preferencesStore.set(before);
  await setLanguage('fr');
});

describe('the palette quick entry of an alarm', () => {
  it('offers "alarme demain 9h réunion" as a command, first, whose Enter creates it, with Annuler in the toast', async () => {
    preferencesStore.set({ ...before, language: 'fr', timeZone: 'Europe/Paris' });
    const alarm = anAlarm({
      title: 'réunion',
      nextTriggerAt: '2026-12-02T08:00:00.000Z',
      effectiveAt: '2026-12-02T08:00:00.000Z',
    });
    vi.mocked(call).mockResolvedValueOnce(alarm).mockResolvedValueOnce(undefined);
    const { onClose } = openPalette();
    await userEvent.keyboard('alarme demain 9h réunion');
    const offered = await screen.findByRole('option', { name: /^Nouvelle alarme : réunion — mer\. 2 déc\.,? 09:00$/ });
    expect(offered.getAttribute('aria-selected')).toBe('true');

    await userEvent.keyboard('{Enter}');
    expect(onClose).toHaveBeenCalledOnce();
    expect(call).toHaveBeenCalledWith(expect.objectContaining({ path: '/api/alarms' }), {
      body: { title: 'réunion', nextTriggerAt: '2026-12-02T08:00:00.000Z', timeZone: 'Europe/Paris' },
    });
    expect(await screen.findByText(/^Alarme « réunion » créée pour mer\. 2 déc\.,? 09:00\.$/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(call).toHaveBeenLastCalledWith(expect.objectContaining({ path: '/api/alarms/:id' }), { params: { id: alarm.id } });
  });

  it('reads the English form in English, in the preference time zone', async () => {
    preferencesStore.set({ ...before, language: 'en', timeZone: 'America/New_York' });
    await setLanguage('en');
    openPalette();
    await userEvent.keyboard('alarm tomorrow 9am stand-up');
    expect(await screen.findByRole('option', { name: /^New alarm: stand-up — Wed,? 2 Dec,? 09:00$/ })).toBeTruthy();
  });

  it('offers nothing for a query that does not ask for an alarm or names no time', async () => {
    preferencesStore.set({ ...before, language: 'fr', timeZone: 'Europe/Paris' });
    openPalette();
    await userEvent.keyboard('lien');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Nouveau lien']);
    await userEvent.clear(screen.getByRole('combobox'));
    await userEvent.keyboard('alarme réunion');
    await vi.dynamicImportSettled();
    expect(screen.queryByRole('option', { name: /Nouvelle alarme/ })).toBeNull();
  });
});
