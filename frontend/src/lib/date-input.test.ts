import { describe, expect, it } from 'vitest';
import { formatDay, fromDateInput, parseDay, toDateInput } from './date-input.ts';

// The preference zones below (UTC+14, UTC−11…) are far from the device's (UTC on this machine and CI).
describe('date input in the preference time zone, not the device’s', () => {
  it('a day picked means the end of that day in the preference zone', () => {
    expect(fromDateInput('2026-03-10', 'Pacific/Kiritimati')).toBe('2026-03-10T09:59:59.999Z'); // UTC+14
    expect(fromDateInput('2026-03-10', 'America/Los_Angeles')).toBe('2026-03-11T06:59:59.999Z'); // UTC−7 then
    expect(fromDateInput('2026-03-10')).toBe(new Date(2026, 2, 10, 23, 59, 59, 999).toISOString()); // no preference: the device's
  });

  it('holds across a change to summer time', () => {
    expect(fromDateInput('2026-03-29', 'Europe/Paris')).toBe('2026-03-29T21:59:59.999Z'); // +2 from that night
    expect(fromDateInput('2026-03-28', 'Europe/Paris')).toBe('2026-03-28T22:59:59.999Z'); // +1 the day before
  });

  it('shows the day an instant falls on in the preference zone', () => {
    const noonUtc = '2026-03-10T12:00:00.000Z';
    expect(toDateInput(noonUtc, 'Pacific/Kiritimati')).toBe('2026-03-11');
    expect(toDateInput(noonUtc, 'Pacific/Pago_Pago')).toBe('2026-03-10');
    expect(toDateInput('2026-03-10T12:00:00')).toBe('2026-03-10'); // device time, device zone
    expect(toDateInput(null, 'Pacific/Kiritimati')).toBe('');
  });

  it('a day typed and stored reads back as the same day in that zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'Europe/Paris']) {
      expect(toDateInput(fromDateInput('2026-10-25', zone), zone)).toBe('2026-10-25');
    }
  });
});

describe('days as the language writes them', () => {
  it('formats a day with digits in French and English (day first)', () => {
    expect(formatDay('2026-12-25', 'fr')).toBe('25/12/2026');
    expect(formatDay('2026-12-25', 'en')).toBe('25/12/2026');
    expect(formatDay('', 'fr')).toBe('');
  });

  it('parses what a user types, ISO too, and refuses days that do not exist', () => {
    const today = new Date(Date.UTC(2026, 5, 1));
    expect(parseDay('25/12/2026', 'fr', today)).toBe('2026-12-25');
    expect(parseDay('5.3.27', 'fr', today)).toBe('2027-03-05');
    expect(parseDay('25 12', 'en', today)).toBe('2026-12-25');
    expect(parseDay('2026-12-25', 'fr', today)).toBe('2026-12-25');
    expect(parseDay('31/02/2026', 'fr', today)).toBeNull();
    expect(parseDay('demain', 'fr', today)).toBeNull();
  });
});
