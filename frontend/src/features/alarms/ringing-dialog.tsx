import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { snoozeMinutes } from 'virtual:panoramix/contracts';
import { useStore } from '../../lib/store.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { useFormat } from '../../ui/format.ts';
import { showToast } from '../../ui/toast.tsx';
import { ringingStore } from './alarm-cache.ts';
import { useAlarmOperations } from './use-alarms.ts';
import './messages.ts';
import './alarms.css';

/**
 * The alarm that rings, over every tab of every open browser of its owner (the shell's overlay
 * slot): its title and time, snooze 5 / 15 / 60 min or dismiss. A chime and a browser notification
 * come with each new ring. Answering it in one browser closes it in the others (the answer's
 * `alarm.updated` says it no longer rings); Esc only hides it here.
 */
export default function RingingDialog() {
  const { t } = useTranslation('alarms');
  const format = useFormat();
  const ringing = useStore(ringingStore);
  const { snooze, dismiss } = useAlarmOperations();
  const announced = useRef(new Set<string>());
  const current = ringing[0];

  useEffect(() => {
    if (!current) return;
    const key = `${current.alarm.id}@${current.dueAt}`;
    if (announced.current.has(key)) return;
    announced.current.add(key);
    void import('./chime.ts').then(({ playChime, notify }) => {
      playChime();
      notify(current.alarm.title, format.dateTime(current.dueAt), current.alarm.id);
    });
  }, [current, format]);

  if (!current) return null;
  const { alarm, dueAt, late } = current;
  const hide = () => ringingStore.set(ringingStore.get().filter((r) => r !== current));
  const failed = (error: Error) => showToast(error.message, 'error');
  const pending = snooze.isPending || dismiss.isPending;

  return (
    <Dialog label={t('dialogLabel', { title: alarm.title })} onClose={hide} className="dialog-padded ringing-dialog">
      <p className="ringing-icon" aria-hidden="true">
        ⏰
      </p>
      <h2 className="dialog-title">{alarm.title}</h2>
      <p className={late ? 'ringing-late' : 'muted'}>{t(late ? 'late' : 'dueAt', { date: format.dateTime(dueAt) })}</p>
      <div className="dialog-actions ringing-actions">
        {snoozeMinutes.map((minutes) => (
          <Button
            key={minutes}
            disabled={pending}
            onClick={() => snooze.mutate({ id: alarm.id, minutes }, { onSuccess: hide, onError: failed })}
          >
            {t('snooze', { minutes })}
          </Button>
        ))}
        <Button
          variant="primary"
          data-autofocus
          disabled={pending}
          onClick={() => dismiss.mutate(alarm.id, { onSuccess: hide, onError: failed })}
        >
          {t('dismiss')}
        </Button>
      </div>
    </Dialog>
  );
}
