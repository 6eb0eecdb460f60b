import { usePreferences } from '../api/preferences-store.ts';

const locales = { fr: 'fr-FR', en: 'en-GB' } as const;

export interface Formatters {
  date(iso: string | Date): string;
  dateTime(iso: string | Date): string;
  longDate(iso: string | Date): string;
  number(value: number): string;
}

/**
 * Intl formatters for a language and an IANA time zone (undefined: the device's), each built on its
 * first use: the first Intl constructor of a page loads its locale data (about 30 ms on a phone), and
 * most screens use one or two of the four.
 */
export function createFormatters(language: keyof typeof locales, timeZone?: string): Formatters {
  const locale = locales[language];
  const once = <T>(build: () => T) => {
    let built: T | undefined;
    return () => (built ??= build());
  };
  const date = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }));
  const dateTime = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }));
  const longDate = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }));
  const number = once(() => new Intl.NumberFormat(locale));
  const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);
  return {
    date: (value) => date().format(toDate(value)),
    dateTime: (value) => dateTime().format(toDate(value)),
    longDate: (value) => longDate().format(toDate(value)),
    number: (value) => number().format(value),
  };
}

/**
 * One set of formatters per language and zone for the whole page: an Intl constructor costs about a
 * millisecond on a phone, and Accueil's first render made four per component calling useFormat
 * (about 200 ms of its start under 4× CPU throttling, bench/src/lighthouse.bench.ts's profile).
 */
const shared = new Map<string, Formatters>();

/** Dates and numbers in the user's language and time zone (preferences). */
export function useFormat(): Formatters {
  const { language, timeZone } = usePreferences();
  const key = `${language} ${timeZone ?? ''}`;
  let formatters = shared.get(key);
  if (!formatters) shared.set(key, (formatters = createFormatters(language, timeZone ?? undefined)));
  return formatters;
}
