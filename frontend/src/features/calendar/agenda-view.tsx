import { useTranslation } from 'react-i18next';
import type { CalendarFormat } from './calendar-format.ts';
import { DAY, startOfDay } from './calendar-time.ts';
import type { Wall } from './calendar-time.ts';
import { ItemButton } from './item-button.tsx';
import { itemsOnDay } from './week-layout.ts';
import type { CalendarItem } from './week-layout.ts';

interface AgendaViewProps {
  days: readonly Wall[];
  items: readonly CalendarItem[];
  now: Wall;
  format: CalendarFormat;
  onOpen: (item: CalendarItem) => void;
}

/** The days of the span that have something, each with its items in order: the phone's default view. */
export function AgendaView({ days, items, now, format, onOpen }: AgendaViewProps) {
  const { t } = useTranslation('calendar');
  const today = startOfDay(now);
  const filled = days.map((day) => ({ day, items: itemsOnDay(items, day, format.zone) })).filter((d) => d.items.length > 0);
  if (filled.length === 0) {
    return (
      <p className="list-state">
        {t('emptyAgenda', { from: format.longDay(days[0]!), to: format.longDay(days[days.length - 1]! + DAY - 1) })}
      </p>
    );
  }
  return (
    <ol className="cal-agenda" aria-label={t('agendaList')}>
      {filled.map(({ day, items: dayItems }) => (
        <li key={day} className="cal-agenda-day" aria-current={day === today ? 'date' : undefined}>
          <h2 className="cal-agenda-date">{format.longDay(day)}</h2>
          <ul aria-label={t('dayEvents', { day: format.longDay(day) })}>
            {dayItems.map((item) => (
              <li key={item.id}>
                <ItemButton item={item} format={format} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
