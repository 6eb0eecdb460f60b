import { describe, expect, it } from 'vitest';
import { parseQuickEntry } from './quick-entry.ts';

// Tuesday 1 December 2026, 17:00 in Paris (UTC+1).
const now = new Date('2026-12-01T16:00:00.000Z');
const paris = (text: string, language: 'fr' | 'en' = 'fr') => parseQuickEntry(text, { now, timeZone: 'Europe/Paris', language });

describe('quick entry', () => {
  it.each([
    ['demain 9h', '2026-12-02T08:00:00.000Z'],
    ['demain à 9h30', '2026-12-02T08:30:00.000Z'],
    ['lundi 14:30', '2026-12-07T13:30:00.000Z'],
    ['dans 20 min', '2026-12-01T16:20:00.000Z'],
    ['vendredi prochain 8h', '2026-12-11T07:00:00.000Z'],
    ['ce soir 20h', '2026-12-01T19:00:00.000Z'],
  ])('reads the French “%s”', (text, at) => {
    expect(paris(text)?.at).toBe(at);
  });

  it.each([
    ['tomorrow 9am', '2026-12-02T08:00:00.000Z'],
    ['monday 2:30pm', '2026-12-07T13:30:00.000Z'],
    ['in 20 minutes', '2026-12-01T16:20:00.000Z'],
  ])('reads the English “%s”, whatever the interface language', (text, at) => {
    expect(paris(text, 'fr')?.at).toBe(at);
    expect(paris(text, 'en')?.at).toBe(at);
  });

  it('reads French in an English interface too', () => {
    expect(paris('demain 9h', 'en')?.at).toBe('2026-12-02T08:00:00.000Z');
  });

  it('keeps the words around the time as the title', () => {
    expect(paris('Appeler Paul demain à 9h')).toEqual({ at: '2026-12-02T08:00:00.000Z', title: 'Appeler Paul' });
  });

  it('places the time in the zone’s offset of that day, across a DST change', () => {
    // Saturday 28 March 2026, noon in Paris (UTC+1); summer time starts that night.
    const saturday = new Date('2026-03-28T11:00:00.000Z');
    expect(parseQuickEntry('demain 9h', { now: saturday, timeZone: 'Europe/Paris', language: 'fr' })?.at).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('answers null when no time is written', () => {
    expect(paris('acheter du pain')).toBeNull();
  });
});
