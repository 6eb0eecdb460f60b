import { Suspense, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/session-store.ts';
import { useFormat } from '../../ui/format.ts';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { useDashboardSections } from '../../ui/dashboard-sections.ts';
import { Page } from '../../ui/page.tsx';
import { ActivityFeed, RecentNotes } from './activity-sections.tsx';
import { Portfolio } from './portfolio.tsx';
import { DeadlineList, TaskCounts } from './task-sections.tsx';
import { DEFAULT_WINDOW, useDashboard } from './use-dashboard.ts';
import type { ActivityWindow } from './use-dashboard.ts';
import './messages.ts';
import './dashboard.css';

const paletteKeys = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘ K' : 'Ctrl K';
/** A touch screen without a mouse has no keys to press: the tip about them is left out there. */
const touchOnly = () => window.matchMedia('(hover: none)').matches;

/** Accueil: the overview of tasks, notes, projects and activity, computed from the live local replica. */
export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const session = useSession();
  const format = useFormat();
  const [window, setWindow] = useState<ActivityWindow>(DEFAULT_WINDOW);
  const dashboard = useDashboard(window);
  // The sections render in a background pass React splits into short tasks (their first render, a
  // snapshot of 1,000 tasks come in, was one long task on a phone); the page keeps what it shows meanwhile.
  const data = useDeferredValue(dashboard.data);
  const sections = useDashboardSections();
  // What a phone shows first (the counts and the deadlines) paints with the first overview; the cards
  // below follow in a task of their own once it is on screen (a frame, then a macrotask): rendered with
  // it, they lengthened the task before that first paint.
  const [rest, setRest] = useState(false);
  useEffect(() => {
    if (data === undefined || rest) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setRest(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [data, rest]);
  // The sections are one element per overview: the page renders again for every replica change and
  // every change of the session or the clock, which leaves them as they are unless the overview changed.
  const body = useMemo(
    () =>
      data && (
        <div className="dashboard">
          <TaskCounts counts={data.taskCounts} />
          <DeadlineList
            id="dash-overdue"
            title={t('overdue')}
            empty={t('noOverdue')}
            tasks={data.overdueTasks}
            to="/tasks?due=overdue"
            tone="danger"
          />
          <DeadlineList
            id="dash-soon"
            title={t('dueSoon')}
            empty={t('noDueSoon')}
            tasks={data.dueSoonTasks}
            to="/tasks?due=week"
          />
          {rest && (
            <>
              {sections.map(({ id, component: Section }) => (
                <Suspense key={id} fallback={null}>
                  <Section />
                </Suspense>
              ))}
              <Portfolio projects={data.projects} />
              <RecentNotes notes={data.recentNotes} />
              <ActivityFeed items={data.activity} window={window} onWindow={setWindow} />
            </>
          )}
        </div>
      ),
    [data, sections, t, window, rest],
  );
  const name = session.phase === 'signed-in' ? session.user.displayName : '';
  return (
    <Page
      titleId="home-title"
      title={t('greeting', { name })}
      intro={[t('today', { date: format.longDate(new Date()) }), touchOnly() ? '' : t('paletteTip', { keys: paletteKeys })]
        .join(' ')
        .trim()}
      className="home-page"
    >
      <LoadState
        data={data}
        {...queryState(dashboard)}
        loading={dashboard.isPending || (data === undefined && dashboard.data !== undefined)}
        isEmpty={() => false}
      >
        {() => body}
      </LoadState>
    </Page>
  );
}
