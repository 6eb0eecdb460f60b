import type { Project } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { useReplica } from '../../api/replica/use-replica.ts';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/link.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { projectActivity } from './project-activity.ts';

/** The project's recent activity, recomputed from the replica as its items change (live, no request). */
export function ProjectActivityList({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  const format = useFormat();
  const tasks = useReplica('tasks');
  const notes = useReplica('notes');
  const noteSessions = useReplica('noteSessions');
  const links = useReplica('links');
  const queries = [tasks, notes, noteSessions, links];
  const ready = queries.every((query) => query.data !== undefined);
  const items = ready
    ? projectActivity(project, { tasks: tasks.data!, notes: notes.data!, noteSessions: noteSessions.data!, links: links.data! })
    : undefined;
  const failed = queries.find((query) => query.error);
  return (
    <section className="project-section" aria-labelledby="project-activity-title">
      <h2 id="project-activity-title" className="section-title">
        {t('activity')}
      </h2>
      <LoadState
        data={items}
        {...queryState({ isPending: !ready, error: failed?.error ?? null, refetch: () => failed?.refetch() })}
        isEmpty={(list) => list.length === 0}
        empty={t('noActivity')}
      >
        {(list) => (
          <ul className="activity-list">
            {list.map((item) => (
              <li key={`${item.kind}:${item.id}`} className="activity-item">
                <span className="chip">{t(`kinds.${item.kind}`)}</span>
                {item.to ? <Link to={item.to}>{item.title || t(`kinds.${item.kind}`)}</Link> : <span>{item.title}</span>}
                <span className="muted">
                  {item.created
                    ? item.by
                      ? t('activityCreatedBy', { name: item.by })
                      : t('activityCreated')
                    : t('activityEdited')}
                  {' · '}
                  <time dateTime={item.at}>{format.dateTime(item.at)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
    </section>
  );
}
