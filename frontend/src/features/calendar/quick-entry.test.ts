import { describe, expect, it } from 'vitest';
import { parseQuickEvent } from './quick-entry.ts';

// Tuesday 1 December 2026, 11:00 in Paris (UTC+1).
const now = new Date('2026-12-01T10:00:00.000Z');
const read = (text: string, language: 'fr' | 'en' = 'fr', timeZone = 'Europe/Paris') =>
  parseQuickEvent(text, { now, timeZone, language });

describe('quick entry of an event', () => {
  it('reads a French time range in the preference zone and keeps the other words as the title', () => {
    expect(read('Réunion demain 14h-15h')).toEqual({
      title: 'Réunion',
      start: '2026-12-02T13:00:00.000Z',
      end: '2026-12-02T14:00:00.000Z',
      allDay: false,
    });
    expect(read('Déjeuner vendredi de 12h30 à 14h')).toMatchObject({
      title: 'Déjeuner',
      start: '2026-12-04T11:30:00.000Z',
      end: '2026-12-04T13:00:00.000Z',
    });
  });

  it('gives a start without an end an hour', () => {
    expect(read('Dentiste lundi 9h')).toMatchObject({
      title: 'Dentiste',
      start: '2026-12-07T08:00:00.000Z',
      end: '2026-12-07T09:00:00.000Z',
    });
  });

  it('makes days without a time an all-day event over those days, the end the day after the last', () => {
    expect(read('Congés du 12 au 14 avril')).toEqual({
      title: 'Congés',
      start: '2027-04-12T00:00:00.000Z',
      end: '2027-04-15T00:00:00.000Z',
      allDay: true,
    });
  });

  it('reads English, and places the same words in another zone at that zone’s clock', () => {
    expect(read('Lunch tomorrow 12:30-2pm', 'en')).toMatchObject({
      title: 'Lunch',
      start: '2026-12-02T11:30:00.000Z',
      end: '2026-12-02T13:00:00.000Z',
    });
    expect(read('Lunch tomorrow 12:30-2pm', 'en', 'America/New_York')).toMatchObject({ start: '2026-12-02T17:30:00.000Z' });
  });

  it('finds nothing in words without a date', () => {
    expect(read('Préparer la présentation')).toBeNull();
  });
});
