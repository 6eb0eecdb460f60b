import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskStatuses } from 'virtual:panoramix/contracts';
import { Button } from '../../ui/button.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { useProjects } from '../../api/projects.ts';
import type { TaskFilter } from './task-filters.ts';

interface TaskFilterBarProps {
  filter: TaskFilter;
  /** The Eisenhower view shows open tasks only: no status to pick. */
  withStatus: boolean;
  onChange: (filter: TaskFilter) => void;
}

/** How many filters differ from the defaults: the phone's "Filtres" button says it. */
const activeCount = (filter: TaskFilter) =>
  [filter.projectId !== '', filter.status !== 'open', filter.due !== 'any', filter.assignee === 'me'].filter(Boolean).length;

/** The list's filters; on a phone (tasks.css) they fold behind one "Filtres" button. */
export function TaskFilterBar({ filter, withStatus, onChange }: TaskFilterBarProps) {
  const { t } = useTranslation('tasks');
  const { t: tc } = useTranslation();
  const projects = useProjects();
  const [open, setOpen] = useState(false);
  const set = <K extends keyof TaskFilter>(key: K, value: TaskFilter[K]) => onChange({ ...filter, [key]: value });
  const count = activeCount(filter);
  return (
    <div className="task-filters-menu" data-open={open || undefined}>
      <Button className="task-filters-toggle" aria-expanded={open} aria-controls="task-filters" onClick={() => setOpen(!open)}>
        {count > 0 ? t('filtersActive', { count }) : t('filters')}
      </Button>
      <div id="task-filters" className="task-filters" role="group" aria-label={t('filters')}>
        <SelectField
          label={t('project')}
          value={filter.projectId}
          options={[
            { value: '', label: t('allProjects') },
            { value: 'none', label: t('inbox') },
            ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          onChange={(value) => set('projectId', value)}
        />
        {withStatus && (
          <SelectField
            label={t('status')}
            value={filter.status}
            options={[
              { value: 'open', label: t('open') },
              { value: 'all', label: t('all') },
              ...taskStatuses.map((status) => ({ value: status, label: tc(`tasks.statuses.${status}`) })),
            ]}
            onChange={(value) => set('status', value as TaskFilter['status'])}
          />
        )}
        <SelectField
          label={t('due')}
          value={filter.due}
          options={[
            { value: 'any', label: t('anyDue') },
            { value: 'overdue', label: t('overdue') },
            { value: 'week', label: t('dueThisWeek') },
          ]}
          onChange={(value) => set('due', value as TaskFilter['due'])}
        />
        <label className="check task-filter-mine">
          <input
            type="checkbox"
            checked={filter.assignee === 'me'}
            onChange={(event) => set('assignee', event.target.checked ? 'me' : 'any')}
          />
          {t('assignedToMe')}
        </label>
      </div>
    </div>
  );
}
