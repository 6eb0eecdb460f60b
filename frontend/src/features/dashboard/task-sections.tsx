import type { Dashboard, Task } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { taskStatuses } from 'virtual:panoramix/contracts';
import { Link } from '../../ui/link.tsx';
import { DashCard } from '../../ui/dash-card.tsx';
import { useFormat } from '../../ui/format.ts';

/** One figure per status; each opens the task list filtered on it. */
export function TaskCounts({ counts }: { counts: Dashboard['taskCounts'] }) {
  const { t } = useTranslation('dashboard');
  const { t: tt } = useTranslation();
  return (
    <DashCard titleId="dash-counts" title={t('counts')} wide>
      <ul className="counts">
        {taskStatuses.map((status) => (
          <li key={status}>
            <Link to={`/tasks?status=${status}`} className="count" data-status={status}>
              <span className="count-value">{counts[status] ?? 0}</span>
              <span className="count-label">{tt(`tasks.statuses.${status}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </DashCard>
  );
}

interface DeadlineListProps {
  id: string;
  title: string;
  empty: string;
  tasks: readonly Task[];
  to: string;
  tone?: 'danger';
}

/** Overdue or due-soon tasks, with their deadline; the title opens the filtered task list. */
export function DeadlineList({ id, title, empty, tasks, to, tone }: DeadlineListProps) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  return (
    <DashCard
      titleId={id}
      title={
        <>
          <Link to={to}>{title}</Link> <span className="muted">· {tasks.length}</span>
        </>
      }
      tone={tone}
      empty={{ when: tasks.length === 0, text: empty }}
    >
      <ul className="dash-list">
        {tasks.map((task) => (
          <li key={task.id}>
            <span className="dash-item-title">{task.title}</span>
            {task.deadline && <span className="muted dash-item-meta">{t('dueOn', { date: format.date(task.deadline) })}</span>}
          </li>
        ))}
      </ul>
    </DashCard>
  );
}
