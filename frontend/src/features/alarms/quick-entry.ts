import * as en from 'chrono-node/en';
import * as fr from 'chrono-node/fr';
import { fromDateTimeInput, toDateTimeInput } from '../../lib/date-input.ts';

export interface QuickEntry {
  /** The instant named, ISO. */
  at: string;
  /** The words around the time (`Appeler Paul` in `Appeler Paul demain 9h`), the alarm's title. */
  title: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** How far `timeZone`'s clock is ahead of UTC at `now`, in minutes, as chrono takes it. */
function offsetMinutes(now: Date, timeZone: string) {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  return Math.round((Date.parse(`${toDateTimeInput(now.toISOString(), timeZone)}:00Z`) - minute) / 60_000);
}

/**
 * A time written as people say it, in French or English (`demain 9h`, `lundi 14:30`, `dans 20 min`,
 * `tomorrow 9am`, `in 20 minutes`), always in the future, read with chrono-node: of the two
 * languages' readings the one covering more of the text wins, the interface's language on a tie.
 * The wall-clock time found is placed in `timeZone` (its offset on that day, not today's).
 */
export function parseQuickEntry(
  text: string,
  options: { now: Date; timeZone: string; language: 'fr' | 'en' },
): QuickEntry | null {
  const reference = { instant: options.now, timezone: offsetMinutes(options.now, options.timeZone) };
  const parsers = options.language === 'fr' ? [fr, en] : [en, fr];
  const readings = parsers.flatMap((chrono) => chrono.parse(text, reference, { forwardDate: true }).slice(0, 1));
  const best = readings.reduce<(typeof readings)[number] | undefined>(
    (found, reading) => (!found || reading.text.length > found.text.length ? reading : found),
    undefined,
  );
  if (!best) return null;
  const get = (unit: 'year' | 'month' | 'day' | 'hour' | 'minute') => best.start.get(unit) ?? 0;
  const wall = `${get('year')}-${pad(get('month'))}-${pad(get('day'))}T${pad(get('hour'))}:${pad(get('minute'))}`;
  const at = fromDateTimeInput(wall, options.timeZone);
  if (!at) return null;
  const title = `${text.slice(0, best.index)} ${text.slice(best.index + best.text.length)}`.replace(/\s+/g, ' ').trim();
  return { at, title };
}
