import { useTranslation } from 'react-i18next';
import type { CalendarFormat } from './calendar-format.ts';
import { startOfDay, startOfMonth } from './calendar-time.ts';
import type { Wall } from './calendar-time.ts';
import { ItemButton } from './item-button.tsx';
import { itemsOnDay } from './week-layout.ts';
import type { CalendarItem } from './week-layout.ts';

/** A cell shows this many items, then "+N autres". */
const SHOWN_PER_DAY = 3;

interface MonthViewProps {
  days: readonly Wall[];
  anchor: Wall;
  items: readonly CalendarItem[];
  now: Wall;
  format: CalendarFormat;
  onOpen: (item: CalendarItem) => void;
  /** A day's number, or its "+N": that day's week. */
  onDay: (day: Wall) => void;
}

/** The whole weeks around a month, each day with its first items; days of the months around are dimmed. */
export function MonthView({ days, anchor, items, now, format, onOpen, onDay }: MonthViewProps) {
  const { t } = useTranslation('calendar');
  const month = startOfMonth(anchor);
  const today = startOfDay(now);
  return (
    <div className="cal-month" role="group" aria-label={t('monthGrid')}>
      {days.slice(0, 7).map((day) => (
        <span key={`name-${day}`} className="cal-day-name" aria-hidden="true">
          {format.weekday(day).split(' ')[0]}
        </span>
      ))}
      {days.map((day) => {
        const onDayItems = itemsOnDay(items, day, format.zone);
        const hidden = onDayItems.length - SHOWN_PER_DAY;
        return (
          <div
            key={day}
            className={`cal-month-day${startOfMonth(day) === month ? '' : ' cal-outside'}`}
            role="group"
            aria-label={format.longDay(day)}
            aria-current={day === today ? 'date' : undefined}
          >
            <button type="button" className="cal-month-number" onClick={() => onDay(day)}>
              {new Date(day).getUTCDate()}
            </button>
            {onDayItems.slice(0, hidden > 0 ? SHOWN_PER_DAY - 1 : SHOWN_PER_DAY).map((item) => (
              <ItemButton key={item.id} item={item} format={format} onOpen={onOpen} />
            ))}
            {hidden > 0 && (
              <button type="button" className="cal-more" onClick={() => onDay(day)}>
                {t('more', { count: hidden + 1 })}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
