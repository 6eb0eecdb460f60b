import { describe, expect, it } from 'vitest';
import { guessDateFormat, parseDay } from './dates.ts';

describe('parseDay', () => {
  it.each([
    ['2026-11-25', 'dmy', '2026-11-25'],
    ['2026-11-25T10:00:00Z', 'dmy', '2026-11-25'],
    ['25/11/2026', 'dmy', '2026-11-25'],
    ['25.11.26', 'dmy', '2026-11-25'],
    ['5-1-2026', 'dmy', '2026-01-05'],
    ['11/25/2026', 'mdy', '2026-11-25'],
    ['20261125120000[+1:CET]', 'dmy', '2026-11-25'],
    ['CB CARREFOUR 12/11/26 FACT 14/11/2026', 'dmy', '2026-11-14'],
    ['31/02/2026', 'dmy', ''],
    ['soon', 'dmy', ''],
    ['', 'dmy', ''],
  ] as const)('%j (%s) → %j', (text, format, day) => {
    expect(parseDay(text, format)).toBe(day);
  });

  it('keeps the latest French date of a cell, as Panorama does', () => {
    expect(parseDay('du 01/12/2026 au 03/11/2026')).toBe('2026-12-01');
  });
});

describe('guessDateFormat', () => {
  it('reads the day order from the samples, French when nothing tells', () => {
    expect(guessDateFormat(['01/02/2026', '25/02/2026'])).toBe('dmy');
    expect(guessDateFormat(['02/25/2026', '01/02/2026'])).toBe('mdy');
    expect(guessDateFormat(['01/02/2026'])).toBe('dmy');
    expect(guessDateFormat(['2026-01-02'])).toBe('ymd');
  });
});
