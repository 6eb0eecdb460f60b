import { useTranslation } from 'react-i18next';
import { DashCard } from '../../ui/dash-card.tsx';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/link.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { byNextRing, useAlarms } from './use-alarms.ts';
import './messages.ts';

const SHOWN = 5;

/** Accueil's "Alarmes à venir": the next alarms to ring, soonest first; the title opens Alarmes. */
export default function UpcomingAlarms() {
  const { t } = useTranslation('alarms');
  const format = useFormat();
  const alarms = useAlarms();
  const upcoming = alarms.data
    ?.filter((a) => a.effectiveAt)
    .sort(byNextRing)
    .slice(0, SHOWN);
  return (
    <DashCard titleId="dash-alarms" title={<Link to="/alarms">{t('upcoming')}</Link>}>
      <LoadState data={upcoming} {...queryState(alarms)} isEmpty={(list) => list.length === 0} empty={t('noUpcoming')}>
        {(list) => (
          <ul className="dash-list">
            {list.map((alarm) => (
              <li key={alarm.id}>
                <span className="dash-item-title">{alarm.title}</span>
                <span className="muted dash-item-meta">{format.dateTime(alarm.effectiveAt!)}</span>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
    </DashCard>
  );
}
