import type { Alarm } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../api/preferences-store.ts';
import { Button } from '../../ui/button.tsx';
import { useFormat } from '../../ui/format.ts';
import { Icon } from '../../ui/icon.tsx';
import { Link } from '../../ui/link.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useAlarmOperations } from './use-alarms.ts';
import { weekdayNames } from './weekdays.ts';

interface AlarmRowProps {
  alarm: Alarm;
  onEdit: () => void;
  onFocus: () => void;
}

/** An alarm: its title, when it rings next (or that it is off or done), its repetition, and its actions. */
export function AlarmRow({ alarm, onEdit, onFocus }: AlarmRowProps) {
  const { t } = useTranslation('alarms');
  const { language } = usePreferences();
  const format = useFormat();
  const { update, remove } = useAlarmOperations();
  const { title, recurrence } = alarm;

  const state = alarm.ringing
    ? t('ringing')
    : alarm.snoozedUntilAt && alarm.enabled
      ? t('snoozedUntil', { date: format.dateTime(alarm.snoozedUntilAt) })
      : alarm.effectiveAt
        ? t('next', { date: format.dateTime(alarm.effectiveAt) })
        : t(alarm.done ? 'done' : 'off');
  const repeats =
    recurrence.type === 'weekly'
      ? t('everyWeekday', {
          days: weekdayNames(language)
            .filter(({ day }) => recurrence.daysOfWeek.includes(day))
            .map(({ name }) => name)
            .join(', '),
        })
      : recurrence.type === 'none'
        ? ''
        : t(`recurrences.${recurrence.type}`);
  const onDelete = () => remove.mutate(alarm.id, { onSuccess: () => showToast(t('deleted')) });

  return (
    <div className="alarm-row" data-enabled={alarm.enabled} data-ringing={alarm.ringing || undefined} onFocus={onFocus}>
      <label className="alarm-toggle">
        <input
          type="checkbox"
          checked={alarm.enabled}
          aria-label={t(alarm.enabled ? 'disable' : 'enable', { title })}
          onChange={() => update.mutate({ id: alarm.id, body: { enabled: !alarm.enabled } })}
        />
      </label>
      <div className="alarm-main">
        <span className="alarm-title">{title}</span>
        <span className="alarm-meta muted">{[state, repeats].filter(Boolean).join(' · ')}</span>
      </div>
      {alarm.taskId && (
        <Link to={`/tasks?open=${alarm.taskId}`} className="alarm-task">
          {t('openTask')}
        </Link>
      )}
      <Button variant="ghost" icon aria-label={t('edit', { title })} onClick={onEdit}>
        <Icon name="settings" />
      </Button>
      <Button variant="ghost" icon aria-label={t('remove', { title })} onClick={onDelete}>
        <Icon name="trash" />
      </Button>
    </div>
  );
}
