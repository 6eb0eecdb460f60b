/**
 * Deadlines and target dates are picked as calendar days and stored as instants. A day means "by
 * the end of that day" in the user's time zone (the preference, else the device's), the same zone
 * dates are shown in (ui/format.ts), so a task due today is not overdue before tonight and the day
 * typed is the day shown, wherever the device is.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** A `yyyy-mm-dd` calendar day. */
export type Day = string;

/**
 * Intl formatters by what they format: making one costs far more than using it, and a list of
 * tasks formats a deadline per row on every render.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

const dayParts = (timeZone: string | undefined) =>
  formatter('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });

/** The wall-clock fields of an instant in `timeZone`. */
function wallClock(instant: Date, timeZone: string | undefined) {
  const parts = Object.fromEntries(
    dayParts(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: +parts.year!,
    month: +parts.month!,
    day: +parts.day!,
    hour: +parts.hour!,
    minute: +parts.minute!,
    second: +parts.second!,
  };
}

/** The day an instant falls on in `timeZone`, as `yyyy-mm-dd` ('' for none). */
export function toDateInput(iso: string | null, timeZone?: string): Day {
  if (!iso) return '';
  const { year, month, day } = wallClock(new Date(iso), timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string | undefined) {
  const w = wallClock(new Date(instant), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The last millisecond of a `yyyy-mm-dd` day in `timeZone`, as ISO (null for anything else). */
export function fromDateInput(value: string, timeZone?: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return instantOfWall(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999), timeZone);
}

/** The instant a wall-clock time (its fields read as UTC milliseconds) names in `timeZone`, as ISO. */
function instantOfWall(wall: number, timeZone: string | undefined) {
  // The zone's offset at that wall time: guessed from the wall time read as UTC, then checked once
  // at the instant found (a change of offset, summer time, can lie between the two).
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** An instant's day and time in `timeZone` as a `datetime-local` input writes it (`2026-12-25T09:30`; '' for none). */
export function toDateTimeInput(iso: string | null, timeZone?: string): string {
  if (!iso) return '';
  const w = wallClock(new Date(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant a `yyyy-mm-ddThh:mm` wall-clock time names in `timeZone`, as ISO (null for anything else). */
export function fromDateTimeInput(value: string, timeZone?: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return instantOfWall(Date.UTC(year, month - 1, day, hour, minute), timeZone);
}

const locales = { fr: 'fr-FR', en: 'en-GB' } as const;
const digits: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' };
export type DayLanguage = keyof typeof locales;

/** The order of day, month and year in the language (fr and en-GB: day first), read from Intl. */
function fieldOrder(language: DayLanguage) {
  return formatter(locales[language], digits)
    .formatToParts(new Date(Date.UTC(2000, 0, 2)))
    .flatMap((part) => (part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : []));
}

/** A day as the language writes it with digits (`25/12/2026`), what a date field shows and takes. */
export function formatDay(day: Day, language: DayLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return '';
  return formatter(locales[language], digits).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))),
  );
}

/**
 * A day typed in the language's order (`25/12/2026`, `25.12.26`, `25 12`), or as ISO `2026-12-25`:
 * null when it is no real day. A missing year is this year; a two-digit one is in the 2000s.
 */
export function parseDay(text: string, language: DayLanguage, today = new Date()): Day | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const numbers = iso ? [iso[1], iso[2], iso[3]].map(Number) : (trimmed.match(/\d+/g) ?? []).map(Number);
  const order = iso
    ? (['year', 'month', 'day'] as const)
    : fieldOrder(language).filter((f) => numbers.length === 3 || f !== 'year');
  if (numbers.length !== order.length || numbers.length < 2) return null;
  const fields: Record<string, number> = { year: today.getFullYear() };
  order.forEach((field, i) => (fields[field] = numbers[i]!));
  const year = fields.year! < 100 ? 2000 + fields.year! : fields.year!;
  const { month = 0, day = 0 } = fields;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}
