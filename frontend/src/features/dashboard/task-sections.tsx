import type { Dashboard, Task } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { taskStatuses } from 'virtual:panoramix/contracts';
import { Link } from '../../app/router/link.tsx';
import { useFormat } from '../../ui/format.ts';
import '../tasks/messages.ts';

/** One figure per status; each opens the task list filtered on it. */
export function TaskCounts({ counts }: { counts: Dashboard['taskCounts'] }) {
  const { t } = useTranslation('dashboard');
  const { t: tt } = useTranslation('tasks');
  return (
    <section className="card dash-card dash-wide" aria-labelledby="dash-counts">
      <h2 id="dash-counts" className="dash-title">
        {t('counts')}
      </h2>
      <ul className="counts">
        {taskStatuses.map((status) => (
          <li key={status}>
            <Link to={`/tasks?status=${status}`} className="count" data-status={status}>
              <span className="count-value">{counts[status] ?? 0}</span>
              <span className="count-label">{tt(`statuses.${status}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
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
    <section className="card dash-card" aria-labelledby={id} data-tone={tone}>
      <h2 id={id} className="dash-title">
        <Link to={to}>{title}</Link> <span className="muted">· {tasks.length}</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="dash-list">
          {tasks.map((task) => (
            <li key={task.id}>
              <span className="dash-item-title">{task.title}</span>
              {task.deadline && <span className="muted dash-item-meta">{t('dueOn', { date: format.date(task.deadline) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
