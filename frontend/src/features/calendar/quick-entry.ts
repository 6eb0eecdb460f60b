import * as en from 'chrono-node/en';
import * as fr from 'chrono-node/fr';
import { DAY, MINUTE, instantOf, wallOf } from './calendar-time.ts';

/** What a quick entry names: the words around the time as the title, and the times. */
export interface QuickEvent {
  title: string;
  start: string;
  end: string;
  allDay: boolean;
}

type Components = { get: (unit: 'year' | 'month' | 'day' | 'hour' | 'minute') => number | null };
const wallOfComponents = (c: Components, withTime: boolean) =>
  Date.UTC(
    c.get('year')!,
    c.get('month')! - 1,
    c.get('day')!,
    withTime ? (c.get('hour') ?? 0) : 0,
    withTime ? (c.get('minute') ?? 0) : 0,
  );

/** Small words a date leaves behind at the end of the title (`Congés du` 12 au 14 avril). */
const leftover = /\s+(du|le|la|de|à|au|les|on|at|from|the)$/i;

/**
 * An event written as people say it, in French or English (`Réunion demain 14h-15h`, `Déjeuner
 * vendredi de 12h30 à 14h`, `Congés du 12 au 14 avril`, `Lunch tomorrow 12:30-2pm`), read with
 * chrono-node, always in the future: of the two languages' readings the one covering more of the
 * text wins, the interface's on a tie. The wall-clock times found are placed in `timeZone`; with no
 * time it is an all-day event over the days named; with a start only, it lasts an hour.
 */
export function parseQuickEvent(
  text: string,
  options: { now: Date; timeZone: string | undefined; language: 'fr' | 'en' },
): QuickEvent | null {
  const minute = Math.floor(options.now.getTime() / MINUTE) * MINUTE;
  const offset = Math.round((wallOf(options.now.toISOString(), options.timeZone) - minute) / MINUTE);
  const reference = { instant: options.now, timezone: offset };
  const parsers = options.language === 'fr' ? [fr, en] : [en, fr];
  const best = parsers
    .flatMap((chrono) => chrono.parse(text, reference, { forwardDate: true }).slice(0, 1))
    .reduce<ReturnType<typeof fr.parse>[number] | undefined>(
      (found, reading) => (!found || reading.text.length > found.text.length ? reading : found),
      undefined,
    );
  if (!best) return null;
  const title = `${text.slice(0, best.index)} ${text.slice(best.index + best.text.length)}`
    .replace(/\s+/g, ' ')
    .trim()
    .replace(leftover, '');
  const timed = best.start.isCertain('hour');
  const start = wallOfComponents(best.start, timed);
  const end = best.end ? wallOfComponents(best.end, timed) : start;
  if (!timed) {
    return { title, start: new Date(start).toISOString(), end: new Date(Math.max(end, start) + DAY).toISOString(), allDay: true };
  }
  const until = end > start ? end : start + 60 * MINUTE;
  return { title, start: instantOf(start, options.timeZone), end: instantOf(until, options.timeZone), allDay: false };
}
