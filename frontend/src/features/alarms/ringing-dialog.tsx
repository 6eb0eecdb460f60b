import type { DomainEventMap } from '@panoramix/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { snoozeMinutes } from 'virtual:panoramix/contracts';
import { useStore } from '../../lib/store.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { useFormat } from '../../ui/format.ts';
import { showToast } from '../../ui/toast.tsx';
import { ringingStore } from './alarm-cache.ts';
import { useCatchUpRinging } from './catch-up-ringing.ts';
import { useAlarmOperations } from './use-alarms.ts';
import './messages.ts';
import './alarms.css';

type Ring = DomainEventMap['alarm.fired'];

/**
 * The alarms that ring, over every tab of every open browser of their owner (the shell's overlay
 * slot), in one dialog however many ring: each with its title and time, snooze 5 / 15 / 60 min or
 * dismiss. Those that started ringing before this browser opened show too. A chime and a browser
 * notification come with each new ring. Answering one in one browser removes it in the others (the
 * answer's `alarm.updated` says it no longer rings); Esc only hides them here.
 */
export default function RingingDialog() {
  const { t } = useTranslation('alarms');
  const format = useFormat();
  useCatchUpRinging();
  const ringing = useStore(ringingStore);
  const announced = useRef(new Set<string>());

  useEffect(() => {
    const fresh = ringing.filter(({ alarm, dueAt }) => !announced.current.has(`${alarm.id}@${dueAt}`));
    if (fresh.length === 0) return;
    for (const { alarm, dueAt } of fresh) announced.current.add(`${alarm.id}@${dueAt}`);
    void import('./chime.ts').then(({ playChime, notify }) => {
      playChime();
      for (const { alarm, dueAt } of fresh) notify(alarm.title, format.dateTime(dueAt), alarm.id);
    });
  }, [ringing, format]);

  if (ringing.length === 0) return null;
  const only = ringing.length === 1 ? ringing[0] : undefined;
  const label = only ? t('dialogLabel', { title: only.alarm.title }) : t('dialogLabelMany', { count: ringing.length });
  const hideAll = () => ringingStore.set(ringingStore.get().filter((r) => !ringing.includes(r)));

  return (
    <Dialog label={label} onClose={hideAll} className="dialog-padded ringing-dialog">
      <p className="ringing-icon" aria-hidden="true">
        ⏰
      </p>
      {!only && <h2 className="dialog-title">{label}</h2>}
      <ul className="ringing-list">
        {ringing.map((ring, i) => (
          <RingingAlarm key={ring.alarm.id} ring={ring} single={Boolean(only)} first={i === 0} />
        ))}
      </ul>
    </Dialog>
  );
}

function RingingAlarm({ ring, single, first }: { ring: Ring; single: boolean; first: boolean }) {
  const { t } = useTranslation('alarms');
  const format = useFormat();
  const { snooze, dismiss } = useAlarmOperations();
  const { alarm, dueAt, late } = ring;
  const hide = () => ringingStore.set(ringingStore.get().filter((r) => r.alarm.id !== alarm.id));
  const failed = (error: Error) => showToast(error.message, 'error');
  const pending = snooze.isPending || dismiss.isPending;
  const Title = single ? 'h2' : 'h3';

  return (
    <li className="ringing-alarm" aria-label={single ? undefined : alarm.title}>
      <Title className="dialog-title">{alarm.title}</Title>
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
          data-autofocus={first ? true : undefined}
          disabled={pending}
          onClick={() => dismiss.mutate(alarm.id, { onSuccess: hide, onError: failed })}
        >
          {t('dismiss')}
        </Button>
      </div>
    </li>
  );
}
