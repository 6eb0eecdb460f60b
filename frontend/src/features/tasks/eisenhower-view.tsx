import type { Task } from '@panoramix/contracts';
import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { LoadMore } from '../../ui/load-more.tsx';
import { useLocalPages } from '../../ui/use-local-pages.ts';
import { groupByQuadrant, quadrantFlags, quadrantIds, quadrantOf } from './eisenhower.ts';
import type { QuadrantId } from './eisenhower.ts';
import { TaskFlags } from './task-flags.tsx';
import { useTaskOperations } from './use-tasks.ts';
import type { TaskPatch } from './use-tasks.ts';

const DRAG_TYPE = 'application/x-panoramix-task';
/** Tasks shown per quadrant before "Charger plus": the nearest deadlines come first. */
const QUADRANT_PAGE = 50;

/** One quadrant's tasks, a page at a time (`view`: the filter shown; another one starts again at one page). */
function QuadrantTasks(props: { id: QuadrantId; tasks: Task[]; view: string; onPatch: (task: Task, patch: TaskPatch) => void }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const { shown = [], more } = useLocalPages(props.tasks, props.view, QUADRANT_PAGE);
  if (shown.length === 0) return <p className="quadrant-empty muted">{t('quadrantEmpty')}</p>;
  return (
    <>
      <ul className="quadrant-list" aria-labelledby={`quadrant-${props.id}`}>
        {shown.map((task) => (
          <li key={task.id} draggable onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, task.id)}>
            <span className="quadrant-task">{task.title}</span>
            {task.deadline && <span className="muted quadrant-deadline">{format.date(task.deadline)}</span>}
            <TaskFlags task={task} onToggle={(patch) => props.onPatch(task, patch)} t={t} />
          </li>
        ))}
      </ul>
      <LoadMore more={more} />
    </>
  );
}

/** The Eisenhower matrix of open tasks; dropping a task on a quadrant sets its two flags. */
export function EisenhowerView({ tasks, view }: { tasks: readonly Task[]; view: string }) {
  const { t } = useTranslation('tasks');
  const { update } = useTaskOperations();
  const [over, setOver] = useState<QuadrantId>();
  const groups = groupByQuadrant(tasks);
  const byId = new Map(tasks.map((task) => [task.id, task]));

  const drop = (quadrant: QuadrantId) => (event: DragEvent) => {
    event.preventDefault();
    setOver(undefined);
    const task = byId.get(event.dataTransfer.getData(DRAG_TYPE));
    if (task && quadrantOf(task) !== quadrant) update.mutate({ task, patch: quadrantFlags[quadrant] });
  };

  return (
    <div className="matrix">
      <p className="muted matrix-hint">{t('matrixHint')}</p>
      {quadrantIds.map((quadrant) => (
        <section
          key={quadrant}
          className={`quadrant quadrant-${quadrant}`}
          aria-labelledby={`quadrant-${quadrant}`}
          data-over={over === quadrant || undefined}
          onDragOver={(event) => {
            if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
            event.preventDefault();
            setOver(quadrant);
          }}
          onDragLeave={() => setOver(undefined)}
          onDrop={drop(quadrant)}
        >
          <h2 id={`quadrant-${quadrant}`} className="quadrant-title">
            {t(`quadrants.${quadrant}`)} <span className="muted">· {groups[quadrant].length}</span>
          </h2>
          <p className="muted quadrant-hint">{t(`quadrantHints.${quadrant}`)}</p>
          <QuadrantTasks
            id={quadrant}
            tasks={groups[quadrant]}
            view={view}
            onPatch={(task, patch) => update.mutate({ task, patch })}
          />
        </section>
      ))}
    </div>
  );
}
