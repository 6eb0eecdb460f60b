import type { CalendarEvent, UpdateCalendarEventBody } from '@panoramix/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fromDateTimeInput, toDateTimeInput } from '../../lib/date-input.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { DAY } from './calendar-time.ts';
import { parseQuickEvent } from './quick-entry.ts';
import { isEditable } from './use-calendar.ts';

export type EventFields = Required<Pick<UpdateCalendarEventBody, 'title' | 'description' | 'location'>> &
  Pick<UpdateCalendarEventBody, 'start' | 'end' | 'allDay'>;

/** What a new event starts from: the slot dragged or clicked, or the next hour. */
export interface Draft {
  start: string;
  end: string;
  allDay: boolean;
  /** Opened with C or a button rather than on a slot: the quick entry gets the focus. */
  quick?: boolean;
}

interface EventDialogProps {
  /** The event opened, or null for a new one from `draft`. */
  event: CalendarEvent | null;
  draft: Draft;
  zone: string | undefined;
  pending: boolean;
  /** The fields to write; without the times when they are not changed here. */
  onSave: (fields: EventFields) => void;
  onDelete: (event: CalendarEvent) => void;
  onClose: () => void;
}

const dayOf = (iso: string) => iso.slice(0, 10);
/** An all-day end is the midnight after the last day (calendar.ts); the form shows the last day itself. */
const lastDayOf = (start: string, end: string) =>
  dayOf(new Date(Math.max(Date.parse(start), Date.parse(end) - DAY)).toISOString());
const midnight = (day: string) => `${day}T00:00:00.000Z`;
const afterDay = (day: string) => new Date(Date.parse(midnight(day)) + DAY).toISOString();

/**
 * Title, all-day, start and end (in the preference zone; days for an all-day event), location and
 * description. A recurring or subscribed event shows what can be changed here: its dates come from
 * where it was imported.
 */
export function EventDialog({ event, draft, zone, pending, onSave, onDelete, onClose }: EventDialogProps) {
  const { t, i18n } = useTranslation('calendar');
  const source = event ?? draft;
  const [title, setTitle] = useState(event?.title ?? '');
  const [allDay, setAllDay] = useState(source.allDay);
  const [start, setStart] = useState(() => (source.allDay ? dayOf(source.start) : toDateTimeInput(source.start, zone)));
  const [end, setEnd] = useState(() => (source.allDay ? lastDayOf(source.start, source.end) : toDateTimeInput(source.end, zone)));
  const [location, setLocation] = useState(event?.location ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [tried, setTried] = useState(false);
  const timesLocked = event !== null && !isEditable(event);

  /** Typing `Réunion demain 14h-15h` fills the title and the times as it is read. */
  const quickEntry = (text: string) => {
    const found = parseQuickEvent(text, { now: new Date(), timeZone: zone, language: i18n.language === 'en' ? 'en' : 'fr' });
    if (!found) return setTitle(text.trim());
    setTitle(found.title);
    setAllDay(found.allDay);
    setStart(found.allDay ? dayOf(found.start) : toDateTimeInput(found.start, zone));
    setEnd(found.allDay ? lastDayOf(found.start, found.end) : toDateTimeInput(found.end, zone));
  };
  const switchAllDay = (next: boolean) => {
    setAllDay(next);
    // Keep the days picked: a timed start's day, or a day's 09:00–10:00.
    setStart((value) => (next ? value.slice(0, 10) : `${value}T09:00`));
    setEnd((value) => (next ? value.slice(0, 10) : `${value}T10:00`));
  };
  const times = allDay
    ? { start: midnight(start), end: afterDay(end) }
    : { start: fromDateTimeInput(start, zone), end: fromDateTimeInput(end, zone) };
  const endError = times.start && times.end && times.end < times.start ? t('form.endBeforeStart') : undefined;
  const titleError = tried && title.trim() === '' ? t('form.titleRequired') : undefined;

  const submit = (form: FormEvent) => {
    form.preventDefault();
    setTried(true);
    const texts = { title: title.trim(), description, location };
    if (timesLocked) {
      if (texts.title !== '') onSave(texts);
      return;
    }
    if (texts.title === '' || endError || !times.start || !times.end) return;
    onSave({ ...texts, start: times.start, end: times.end, allDay });
  };

  return (
    <Dialog label={event ? t('form.editTitle') : t('form.newTitle')} onClose={onClose} className="cal-dialog">
      <form onSubmit={submit} noValidate>
        <h2 className="dialog-title">{event ? t('form.editTitle') : t('form.newTitle')}</h2>
        {!event && (
          <TextField
            label={t('form.quick')}
            hint={t('form.quickHint')}
            onChange={(e) => quickEntry(e.target.value)}
            data-autofocus={draft.quick || undefined}
            autoComplete="off"
          />
        )}
        <TextField
          label={t('form.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={titleError}
          data-autofocus={!draft.quick || undefined}
          maxLength={500}
        />
        {timesLocked ? (
          <p className="muted">{event.source === 'subscription' ? t('form.subscribed') : t('form.series')}</p>
        ) : (
          <>
            <label className="cal-check">
              <input type="checkbox" checked={allDay} onChange={(e) => switchAllDay(e.target.checked)} /> {t('form.allDay')}
            </label>
            <div className="cal-form-times">
              <TextField
                label={allDay ? t('form.firstDay') : t('form.start')}
                type={allDay ? 'date' : 'datetime-local'}
                value={start}
                onChange={(e) => setStart(e.target.value)}
                required
              />
              <TextField
                label={allDay ? t('form.lastDay') : t('form.end')}
                type={allDay ? 'date' : 'datetime-local'}
                value={end}
                onChange={(e) => setEnd(e.target.value)}
                error={endError}
                required
              />
            </div>
          </>
        )}
        <TextField label={t('form.location')} value={location} onChange={(e) => setLocation(e.target.value)} maxLength={1000} />
        <TextArea label={t('form.description')} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
        <div className="dialog-actions">
          {event && (
            <Button variant="danger" onClick={() => onDelete(event)}>
              {t('form.delete')}
            </Button>
          )}
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {event ? t('form.save') : t('form.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
