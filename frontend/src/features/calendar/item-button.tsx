import type { CSSProperties, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarFormat } from './calendar-format.ts';
import type { CalendarItem } from './week-layout.ts';

interface ItemButtonProps {
  item: CalendarItem;
  format: CalendarFormat;
  onOpen: (item: CalendarItem) => void;
  style?: CSSProperties;
  /** In the hour grid an editable item is dragged: the grid opens it on a press without a move, a click here only from the keyboard. */
  inGrid?: boolean;
  dragging?: boolean;
}

/** An event, deadline or alarm drawn on the calendar: a button that opens it, named with its time. */
export function ItemButton({ item, format, onOpen, style, inGrid = false, dragging = false }: ItemButtonProps) {
  const { t } = useTranslation('calendar');
  const time =
    item.kind === 'event'
      ? format.span(item, t('allDay'))
      : `${t(`kinds.${item.kind}`)} ${item.allDay ? '' : format.time(item.start)}`.trim();
  const draggable = inGrid && item.editable;
  const open = (event: MouseEvent) => {
    if (!draggable || event.detail === 0) onOpen(item);
  };
  return (
    <button
      type="button"
      className={`cal-item cal-item-${item.kind}${dragging ? ' cal-item-dragging' : ''}`}
      style={style}
      data-item={item.id}
      aria-label={t('itemTime', { title: item.title, time })}
      onClick={open}
    >
      <span className="cal-item-title">{item.title}</span>
      {!item.allDay && <span className="cal-item-time">{time}</span>}
      {draggable && <span className="cal-item-resize" data-resize aria-hidden="true" />}
    </button>
  );
}
