import type { Alarm } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { queryState } from '../../ui/load-state.tsx';
import { Page } from '../../ui/page.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { AlarmForm } from './alarm-form.tsx';
import { AlarmRow } from './alarm-row.tsx';
import { NotificationsButton } from './notifications-button.tsx';
import { byNextRing, useAlarms } from './use-alarms.ts';
import './messages.ts';
import './alarms.css';

/**
 * Alarmes: my alarms, the next to ring first. `?new=1` opens the form (`&taskId=` links the alarm
 * to that task: the task row's menu sends it here), `?open=<id>` edits one. Keys: C new, E edit the
 * alarm last focused (else the first).
 */
export default function AlarmsPage() {
  const { t } = useTranslation('alarms');
  const { t: tt } = useTranslation();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const alarms = useAlarms();
  const sorted = alarms.data ? [...alarms.data].sort(byNextRing) : undefined;
  const [activeId, setActiveId] = useState<string | null>(null);

  const editing: Alarm | undefined = sorted?.find((a) => a.id === params.get('open'));
  const creating = params.has('new');
  const close = () => navigate('/alarms', { replace: true });
  const edit = (alarm: Alarm) => navigate(`/alarms?open=${alarm.id}`, { replace: true });

  useKeyShortcuts({
    c: () => navigate('/alarms?new=1', { replace: true }),
    e: () => {
      const alarm = sorted?.find((a) => a.id === activeId) ?? sorted?.[0];
      if (alarm) edit(alarm);
    },
  });

  return (
    <Page
      titleId="alarms-title"
      title={tt('alarms.title')}
      intro={t('intro')}
      actions={
        <>
          <NotificationsButton />
          <Button variant="primary" onClick={() => navigate('/alarms?new=1', { replace: true })}>
            {tt('alarms.new')}
          </Button>
        </>
      }
    >
      {(creating || editing) && (
        <AlarmForm key={editing?.id ?? 'new'} alarm={editing} taskId={params.get('taskId')} onDone={close} />
      )}
      <DataList
        items={sorted}
        {...queryState(alarms)}
        getKey={(alarm) => alarm.id}
        label={t('listLabel')}
        empty={t('empty')}
        renderItem={(alarm) => <AlarmRow alarm={alarm} onEdit={() => edit(alarm)} onFocus={() => setActiveId(alarm.id)} />}
      />
    </Page>
  );
}
