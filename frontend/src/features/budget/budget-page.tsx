import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from '../../lib/location.ts';
import { Link } from '../../ui/link.tsx';
import { Page } from '../../ui/page.tsx';
import './messages.ts';
import './budget.css';

const LinesView = lazy(() => import('./lines-view.tsx'));
const ImportWizard = lazy(() => import('./import-wizard.tsx'));
const ReviewView = lazy(() => import('./review-view.tsx'));
const SummaryView = lazy(() => import('./summary-view.tsx'));

const views = [
  { path: '/budget', label: 'lines', View: LinesView },
  { path: '/budget/import', label: 'importTab', View: ImportWizard },
  { path: '/budget/review', label: 'reviewTab', View: ReviewView },
  { path: '/budget/summary', label: 'summaryTab', View: SummaryView },
] as const;

/** Budget: the lines, the import wizard, the duplicates to check and the summaries, one address each. */
export default function BudgetPage() {
  const { t } = useTranslation('budget');
  const { pathname } = useLocation();
  const current = views.find((view) => view.path === pathname) ?? views[0];
  return (
    <Page titleId="budget-title" title={t('title')} className="budget-page">
      <nav className="budget-tabs" aria-label={t('views')}>
        {views.map((view) => (
          <Link key={view.path} to={view.path} className="budget-tab" aria-current={view === current ? 'page' : undefined}>
            {t(view.label)}
          </Link>
        ))}
      </nav>
      <Suspense
        fallback={
          <div className="list-state" role="status" aria-busy="true">
            <span className="spinner" aria-hidden="true" />
          </div>
        }
      >
        <current.View />
      </Suspense>
    </Page>
  );
}
