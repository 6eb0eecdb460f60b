import { useMemo } from 'react';
import { usePreferences } from '../../api/preferences-store.ts';
import type { Wall } from './calendar-time.ts';
import type { CalendarItem } from './week-layout.ts';

const locales = { fr: 'fr-FR', en: 'en-GB' } as const;

/**
 * The calendar's dates in the user's language and zone. Instants are shown in the preference
 * zone; walls (see calendar-time.ts) and all-day days are read as UTC, which is what they store.
 */
export function useCalendarFormat() {
  const { language, timeZone } = usePreferences();
  const zone = timeZone ?? undefined;
  return useMemo(() => {
    const locale = locales[language];
    const make = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options);
    const time = make({ hour: '2-digit', minute: '2-digit', timeZone: zone });
    const weekday = make({ weekday: 'short', day: 'numeric', timeZone: 'UTC' });
    const longDay = make({ weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    const shortDay = make({ day: 'numeric', month: 'short', timeZone: 'UTC' });
    const month = make({ month: 'long', year: 'numeric', timeZone: 'UTC' });
    const hour = make({ hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    /** `09:00–10:30`, or the day's name for an all-day item. */
    const span = (item: CalendarItem, allDayLabel: string) =>
      item.allDay
        ? allDayLabel
        : item.start === item.end
          ? time.format(new Date(item.start))
          : `${time.format(new Date(item.start))}–${time.format(new Date(item.end))}`;
    return {
      zone,
      language,
      time: (iso: string) => time.format(new Date(iso)),
      weekday: (wall: Wall) => weekday.format(wall),
      longDay: (wall: Wall) => longDay.format(wall),
      shortDay: (wall: Wall) => shortDay.format(wall),
      month: (wall: Wall) => month.format(wall),
      hour: (wall: Wall) => hour.format(wall),
      span,
    };
  }, [language, zone]);
}

export type CalendarFormat = ReturnType<typeof useCalendarFormat>;
