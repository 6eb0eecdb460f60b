import type { Alarm, Recurrence } from '@panoramix/contracts';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { usePreferences } from '../../api/preferences-store.ts';
import { fromDateTimeInput, toDateTimeInput } from '../../lib/date-input.ts';
import { Button } from '../../ui/button.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { parseQuickEntry } from './quick-entry.ts';
import { useAlarmOperations, useAlarmZone } from './use-alarms.ts';
import { weekdayNames } from './weekdays.ts';

const recurrenceTypes = ['none', 'daily', 'weekly', 'monthly'] as const;
type RecurrenceType = (typeof recurrenceTypes)[number];

const inAnHour = () => new Date(Math.ceil((Date.now() + 3600_000) / 300_000) * 300_000).toISOString(); // rounded to 5 min

interface AlarmFormProps {
  /** The alarm edited; a new one when absent. */
  alarm?: Alarm | undefined;
  /** The task a new alarm points at (`/alarms?new=1&taskId=`). */
  taskId?: string | null;
  onDone: () => void;
}

/**
 * Sets or edits an alarm. "Quand ?" takes a time as people write it (`demain 9h`) and fills the
 * date, time and title fields, which stay editable; the time is the wall-clock time of the alarm's
 * zone (the preference, else the device's), where its recurrence is computed too.
 */
export function AlarmForm({ alarm, taskId = null, onDone }: AlarmFormProps) {
  const { t } = useTranslation('alarms');
  const { language } = usePreferences();
  const preferredZone = useAlarmZone();
  const zone = alarm?.timeZone ?? preferredZone;
  const { create, update } = useAlarmOperations();
  const [title, setTitle] = useState(alarm?.title ?? '');
  const [quick, setQuick] = useState('');
  const [when, setWhen] = useState(() => toDateTimeInput(alarm?.nextTriggerAt ?? inAnHour(), zone));
  const [type, setType] = useState<RecurrenceType>(alarm?.recurrence.type ?? 'none');
  const [days, setDays] = useState<number[]>(alarm?.recurrence.type === 'weekly' ? alarm.recurrence.daysOfWeek : []);
  const weekdays = useMemo(() => weekdayNames(language), [language]);
  const quickUnknown = quick.trim() !== '' && parseQuickEntry(quick, { now: new Date(), timeZone: zone, language }) === null;

  const onQuick = (text: string) => {
    setQuick(text);
    const found = parseQuickEntry(text, { now: new Date(), timeZone: zone, language });
    if (!found) return;
    setWhen(toDateTimeInput(found.at, zone));
    if (found.title) setTitle(found.title);
  };

  const recurrence = (): Recurrence =>
    type === 'weekly' ? { type, daysOfWeek: [...days].sort() } : ({ type } as Exclude<Recurrence, { type: 'weekly' }>);
  const mutation = alarm ? update : create;
  const error = mutation.error instanceof ApiError ? mutation.error : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nextTriggerAt = fromDateTimeInput(when, zone);
    if (!nextTriggerAt) return;
    const fields = { title: title.trim() || t('defaultTitle'), nextTriggerAt, recurrence: recurrence(), timeZone: zone };
    const done = { onSuccess: () => (showToast(t(alarm ? 'saved' : 'created')), onDone()) };
    if (alarm) update.mutate({ id: alarm.id, body: fields }, done);
    else create.mutate({ ...fields, taskId }, done);
  };

  const toggleDay = (day: number) =>
    setDays((current) => (current.includes(day) ? current.filter((d) => d !== day) : [...current, day]));

  return (
    <form className="card alarm-form" onSubmit={submit} aria-label={t(alarm ? 'editTitle' : 'newTitle')}>
      <h2 className="alarm-form-title">{t(alarm ? 'editTitle' : 'newTitle')}</h2>
      <TextField
        label={t('quick')}
        value={quick}
        onChange={(e) => onQuick(e.target.value)}
        placeholder={t('quickPlaceholder')}
        hint={quickUnknown ? t('quickUnknown') : t('quickHint')}
        autoFocus={!alarm}
        autoComplete="off"
      />
      <TextField
        label={t('title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={t('defaultTitle')}
        maxLength={200}
        error={error?.fieldError('title')}
        autoFocus={Boolean(alarm)}
      />
      <TextField
        label={t('when')}
        type="datetime-local"
        value={when}
        onChange={(e) => setWhen(e.target.value)}
        hint={t('inZone', { zone })}
        error={error?.fieldError('nextTriggerAt')}
        required
      />
      <SelectField
        label={t('recurrence')}
        value={type}
        options={recurrenceTypes.map((value) => ({ value, label: t(`recurrences.${value}`) }))}
        onChange={(value) => setType(value as RecurrenceType)}
      />
      {type === 'weekly' && (
        <fieldset className="alarm-days">
          <legend>{t('days')}</legend>
          {weekdays.map(({ day, name }) => (
            <label key={day} className="alarm-day">
              <input type="checkbox" checked={days.includes(day)} onChange={() => toggleDay(day)} /> {name}
            </label>
          ))}
          {error?.fieldError('recurrence.daysOfWeek') && (
            <span className="field-error">{error.fieldError('recurrence.daysOfWeek')}</span>
          )}
        </fieldset>
      )}
      {mutation.error && !error?.problem?.errors && (
        <p className="form-error" role="alert">
          {mutation.error.message}
        </p>
      )}
      <div className="alarm-form-actions">
        <Button onClick={onDone}>{t('cancel')}</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {t(alarm ? 'save' : 'create')}
        </Button>
      </div>
    </form>
  );
}
