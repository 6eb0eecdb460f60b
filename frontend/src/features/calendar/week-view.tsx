import { useEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarFormat } from './calendar-format.ts';
import { DAY, MINUTE, instantOf, minuteOfDay, startOfDay, wallOf } from './calendar-time.ts';
import type { Wall } from './calendar-time.ts';
import { movedBy, resizedBy, slotOfDrag } from './drag.ts';
import { ItemButton } from './item-button.tsx';
import { layoutAllDay, layoutDay } from './week-layout.ts';
import type { CalendarItem } from './week-layout.ts';

/** Pixels an hour is drawn tall. */
export const HOUR_HEIGHT = 48;
/** A pointer that moved less than this between down and up clicked rather than dragged. */
const CLICK_SLOP = 4;

type Drag =
  | { mode: 'create'; day: number; fromY: number; toY: number }
  | {
      mode: 'move' | 'resize';
      item: CalendarItem;
      start: Wall;
      end: Wall;
      x: number;
      y: number;
      dx: number;
      dy: number;
      days: number;
    };

export interface WeekViewProps {
  days: readonly Wall[];
  items: readonly CalendarItem[];
  now: Wall;
  format: CalendarFormat;
  onOpen: (item: CalendarItem) => void;
  onCreate: (slot: { start: string; end: string; allDay: boolean }) => void;
  onChange: (item: CalendarItem, times: { start: string; end: string }) => void;
}

/**
 * Seven day columns under an all-day row. On the columns: press and drag to mark a new event's
 * slot (quarter hours), drag an editable event to move it (across days too), drag its bottom edge
 * to change its end; Esc cancels a drag. Without moving, a press is a click: it opens the event,
 * or marks an hour on the empty grid.
 */
export function WeekView({ days, items, now, format, onOpen, onCreate, onChange }: WeekViewProps) {
  const { t } = useTranslation('calendar');
  const grid = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const zone = format.zone;

  useEffect(() => {
    // Open on the working day rather than at midnight.
    if (scroller.current) scroller.current.scrollTop = 7.5 * HOUR_HEIGHT;
  }, []);
  useEffect(() => {
    if (!drag) return;
    const cancel = (event: KeyboardEvent) => event.key === 'Escape' && setDrag(null);
    window.addEventListener('keydown', cancel);
    return () => window.removeEventListener('keydown', cancel);
  }, [drag]);

  /** The items as drawn: the one being dragged where the pointer puts it. */
  const shown = useMemo(() => {
    if (!drag || drag.mode === 'create') return items;
    const moved =
      drag.mode === 'move'
        ? movedBy(drag.start, drag.end, drag.dy, drag.days, HOUR_HEIGHT)
        : { start: drag.start, end: resizedBy(drag.start, drag.end, drag.dy, HOUR_HEIGHT) };
    const times = { start: instantOf(moved.start, zone), end: instantOf(moved.end, zone) };
    return items.map((item) => (item.id === drag.item.id ? { ...item, ...times } : item));
  }, [drag, items, zone]);

  const bars = layoutAllDay(shown, days);
  const columnOf = (clientX: number) => {
    const rect = grid.current!.getBoundingClientRect();
    return Math.min(days.length - 1, Math.max(0, Math.floor(((clientX - rect.left) / rect.width) * days.length)));
  };
  const yOf = (clientY: number) => clientY - grid.current!.getBoundingClientRect().top;

  const onPointerDown = (event: ReactPointerEvent) => {
    if (event.button !== 0) return;
    const target = event.target as HTMLElement;
    const itemElement = target.closest<HTMLElement>('[data-item]');
    const item = itemElement && shown.find((i) => i.id === itemElement.dataset.item);
    if (itemElement && !item?.editable) return; // a click opens it (its button's own handler)
    event.preventDefault();
    grid.current!.setPointerCapture(event.pointerId);
    if (item) {
      const mode = target.closest('[data-resize]') ? 'resize' : 'move';
      const start = wallOf(item.start, zone);
      setDrag({ mode, item, start, end: wallOf(item.end, zone), x: event.clientX, y: event.clientY, dx: 0, dy: 0, days: 0 });
    } else {
      const y = yOf(event.clientY);
      setDrag({ mode: 'create', day: columnOf(event.clientX), fromY: y, toY: y });
    }
  };

  const onPointerMove = (event: ReactPointerEvent) => {
    if (!drag) return;
    if (drag.mode === 'create') setDrag({ ...drag, toY: yOf(event.clientY) });
    else {
      const days = drag.mode === 'move' ? columnOf(event.clientX) - columnOf(drag.x) : 0;
      setDrag({ ...drag, dx: event.clientX - drag.x, dy: event.clientY - drag.y, days });
    }
  };

  const onPointerUp = () => {
    if (!drag) return;
    setDrag(null);
    if (drag.mode === 'create') {
      const slot = slotOfDrag(drag.fromY, drag.toY, HOUR_HEIGHT);
      const day = days[drag.day]!;
      onCreate({
        start: instantOf(day + slot.start * MINUTE, zone),
        end: instantOf(day + slot.end * MINUTE, zone),
        allDay: false,
      });
      return;
    }
    if (Math.hypot(drag.dx, drag.dy) < CLICK_SLOP) {
      onOpen(drag.item);
      return;
    }
    const moved = shown.find((item) => item.id === drag.item.id)!;
    if (moved.start !== drag.item.start || moved.end !== drag.item.end)
      onChange(drag.item, { start: moved.start, end: moved.end });
  };

  const ghost = drag?.mode === 'create' ? slotOfDrag(drag.fromY, drag.toY, HOUR_HEIGHT) : null;
  const todayIndex = days.findIndex((day) => day === startOfDay(now));

  return (
    <div className="cal-week" role="group" aria-label={t('weekGrid')}>
      <div className="cal-week-head">
        <span className="cal-gutter" />
        {days.map((day, i) => (
          <span key={day} className="cal-day-name" aria-current={i === todayIndex ? 'date' : undefined}>
            {format.weekday(day)}
          </span>
        ))}
      </div>
      <div className="cal-all-day" style={{ '--lanes': Math.max(1, ...bars.map((b) => b.lane + 1)) } as CSSProperties}>
        <span className="cal-gutter muted">{t('allDay')}</span>
        <div className="cal-all-day-bars">
          {days.map((day, i) => (
            <button
              key={day}
              type="button"
              className="cal-all-day-slot"
              style={{ gridColumn: i + 1, gridRow: '1 / -1' }}
              aria-label={`${t('allDay')} ${format.longDay(day)}`}
              onClick={() =>
                onCreate({ start: new Date(day).toISOString(), end: new Date(day + DAY).toISOString(), allDay: true })
              }
            />
          ))}
          {bars.map((bar) => (
            <ItemButton
              key={bar.item.id}
              item={bar.item}
              format={format}
              onOpen={onOpen}
              style={{ gridColumn: `${bar.firstColumn + 1} / span ${bar.span}`, gridRow: bar.lane + 1 }}
            />
          ))}
        </div>
      </div>
      <div className="cal-scroll" ref={scroller}>
        <div className="cal-hours" aria-hidden="true">
          {Array.from({ length: 24 }, (_, hour) => (
            <span key={hour} style={{ top: hour * HOUR_HEIGHT }}>
              {hour > 0 && format.hour(hour * 60 * MINUTE)}
            </span>
          ))}
        </div>
        <div
          ref={grid}
          className="cal-columns"
          style={{ height: 24 * HOUR_HEIGHT }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
        >
          {days.map((day, i) => (
            <div key={day} className="cal-column" data-day={i} aria-label={format.longDay(day)}>
              {layoutDay(shown, day, zone).map((segment) => (
                <ItemButton
                  key={segment.item.id}
                  item={segment.item}
                  format={format}
                  onOpen={onOpen}
                  inGrid
                  dragging={drag !== null && drag.mode !== 'create' && drag.item.id === segment.item.id}
                  style={{
                    top: (segment.top / 60) * HOUR_HEIGHT,
                    height: ((segment.bottom - segment.top) / 60) * HOUR_HEIGHT,
                    left: `${(segment.column / segment.columns) * 100}%`,
                    width: `${100 / segment.columns}%`,
                  }}
                />
              ))}
              {ghost && drag?.mode === 'create' && drag.day === i && (
                <div
                  className="cal-ghost"
                  style={{ top: (ghost.start / 60) * HOUR_HEIGHT, height: ((ghost.end - ghost.start) / 60) * HOUR_HEIGHT }}
                >
                  {format.hour(ghost.start * MINUTE)}–{format.hour(ghost.end * MINUTE)}
                </div>
              )}
              {i === todayIndex && (
                <div
                  className="cal-now"
                  style={{ top: (minuteOfDay(now) / 60) * HOUR_HEIGHT }}
                  role="img"
                  aria-label={t('now')}
                />
              )}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
