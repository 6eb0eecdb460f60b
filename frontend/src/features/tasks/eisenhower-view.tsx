import type { Task } from '@panoramix/contracts';
import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { groupByQuadrant, quadrantFlags, quadrantIds, quadrantOf } from './eisenhower.ts';
import type { QuadrantId } from './eisenhower.ts';
import { TaskFlags } from './task-flags.tsx';
import { useTaskOperations } from './use-tasks.ts';

const DRAG_TYPE = 'application/x-panoramix-task';

/** The Eisenhower matrix of open tasks; dropping a task on a quadrant sets its two flags. */
export function EisenhowerView({ tasks }: { tasks: readonly Task[] }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
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
          {groups[quadrant].length === 0 ? (
            <p className="quadrant-empty muted">{t('quadrantEmpty')}</p>
          ) : (
            <ul className="quadrant-list" aria-labelledby={`quadrant-${quadrant}`}>
              {groups[quadrant].map((task) => (
                <li key={task.id} draggable onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, task.id)}>
                  <span className="quadrant-task">{task.title}</span>
                  {task.deadline && <span className="muted quadrant-deadline">{format.date(task.deadline)}</span>}
                  <TaskFlags task={task} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
