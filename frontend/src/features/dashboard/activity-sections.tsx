import type { Dashboard } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { activityWindows } from 'virtual:panoramix/contracts';
import { Link } from '../../ui/link.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { DashCard } from '../../ui/dash-card.tsx';
import { useFormat } from '../../ui/format.ts';
import { projectPath } from '../../ui/project-chips.tsx';
import type { ActivityWindow } from './use-dashboard.ts';

const targetOf = (item: Dashboard['activity'][number]) =>
  item.kind === 'note.created'
    ? `/notes/${item.id}`
    : item.kind === 'project.created'
      ? projectPath(item.id)
      : '/tasks?status=done';

export function RecentNotes({ notes }: { notes: Dashboard['recentNotes'] }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  return (
    <DashCard
      titleId="dash-notes"
      title={<Link to="/notes">{t('recentNotes')}</Link>}
      empty={{ when: notes.length === 0, text: t('noNotes') }}
    >
      <ul className="dash-list">
        {notes.map((note) => (
          <li key={note.id}>
            <Link to={`/notes/${note.id}`} className="dash-item-title">
              {note.title}
            </Link>
            <span className="muted dash-item-meta">{t('updatedOn', { date: format.dateTime(note.updatedAt) })}</span>
          </li>
        ))}
      </ul>
    </DashCard>
  );
}

interface ActivityFeedProps {
  items: Dashboard['activity'];
  window: ActivityWindow;
  onWindow: (window: ActivityWindow) => void;
}

/** Projects created, tasks done and notes written over the last 24 hours or 7 days. */
export function ActivityFeed({ items, window, onWindow }: ActivityFeedProps) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  return (
    <DashCard
      titleId="dash-activity"
      title={t('activity')}
      actions={
        <ChoiceGroup
          legend={t('window')}
          value={window}
          options={activityWindows.map((value) => ({ value, label: t(`windows.${value}`) }))}
          onChange={onWindow}
        />
      }
      empty={{ when: items.length === 0, text: t('noActivity') }}
    >
      <ul className="dash-list">
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`}>
            <span className="activity-kind" data-kind={item.kind}>
              {t(`kinds.${item.kind}`)}
            </span>
            <Link to={targetOf(item)} className="dash-item-title">
              {item.title}
            </Link>
            <span className="muted dash-item-meta">{format.dateTime(item.at)}</span>
          </li>
        ))}
      </ul>
    </DashCard>
  );
}
