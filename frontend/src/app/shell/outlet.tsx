import { lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../api/preferences-store.ts';
import type { FeatureDefinition } from '../registry.ts';
import { Link } from '../../ui/link.tsx';
import { isWithin, navigate, useLocation } from '../../lib/location.ts';

const PreferencesPage = lazy(() => import('../preferences/preferences-page.tsx'));
const AccountPage = lazy(() => import('../account/account-page.tsx'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1 className="page-title">{t('app.notFound')}</h1>
      <Link to="/">{t('app.backHome')}</Link>
    </section>
  );
}

/** `/` opens the user's start tab; unknown ids fall back to the first tab. */
function StartTab({ features }: { features: readonly FeatureDefinition[] }) {
  const { startTab } = usePreferences();
  const target = features.find((f) => f.id === startTab) ?? features[0];
  useEffect(() => {
    if (target) navigate(target.path, { replace: true });
  }, [target]);
  return null;
}

/** The screen for the current address: a feature's tab, preferences, the account, or not found. */
export function Outlet({ features }: { features: readonly FeatureDefinition[] }) {
  const { pathname } = useLocation();
  if (pathname === '/') return <StartTab features={features} />;
  if (isWithin(pathname, '/preferences')) return <PreferencesPage features={features} />;
  if (isWithin(pathname, '/account')) return <AccountPage />;
  const feature = features.find((f) => isWithin(pathname, f.path));
  if (!feature) return <NotFound />;
  const Screen = feature.component;
  return <Screen />;
}
