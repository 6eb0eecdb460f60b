import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Toaster } from '../ui/toast.tsx';
import type { FeatureDefinition } from './registry.ts';
import LoginPage from './auth/login-page.tsx';
import { useSession } from './auth/session-store.ts';
import Shell from './shell/shell.tsx';
import { RouteBoundary } from './shell/route-boundary.tsx';
import { currentLocation, navigate, safeNext, useLocation } from '../lib/location.ts';

const SetupPage = lazy(() => import('./auth/setup-page.tsx'));

const AUTH_PATHS = ['/login', '/setup', '/register'];

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="center-screen">
      <span className="spinner" role="status" aria-label={t('app.loading')} />
    </div>
  );
}

/** First run creates the first account; `/register` stays while registration is open; else sign in. */
function signedOutScreen(session: { needsSetup: boolean; registrationOpen: boolean }, pathname: string) {
  if (session.needsSetup) return '/setup';
  return pathname === '/register' && session.registrationOpen ? '/register' : '/login';
}

/**
 * Chooses the screen from the session: first-run registration, sign-in, or the shell. A signed-out
 * visit to a deep link goes to /login?next=… and comes back there after signing in.
 */
function Screens({ features }: { features: readonly FeatureDefinition[] }) {
  const session = useSession();
  const { pathname, search } = useLocation();
  const onAuthPath = AUTH_PATHS.includes(pathname);
  const target = session.phase === 'signed-out' ? signedOutScreen(session, pathname) : undefined;

  useEffect(() => {
    if (session.phase === 'signed-out' && pathname !== target) {
      const here = currentLocation();
      const next = onAuthPath
        ? safeNext(here.search)
        : session.reason === 'signed-out'
          ? undefined
          : `${here.pathname}${here.search}`;
      navigate(next && next !== '/' ? `${target}?next=${encodeURIComponent(next)}` : `${target}`, { replace: true });
    } else if (session.phase === 'signed-in' && onAuthPath) {
      navigate(safeNext(search) ?? '/', { replace: true });
    }
  }, [session, pathname, search, target, onAuthPath]);

  if (session.phase === 'booting') return <Loading />;
  if (session.phase === 'signed-out') {
    if (pathname !== target) return <Loading />;
    if (target === '/login') {
      return <LoginPage expired={session.reason === 'expired'} registrationOpen={session.registrationOpen} />;
    }
    return <SetupPage firstRun={target === '/setup'} />;
  }
  if (onAuthPath) return <Loading />;
  return <Shell features={features} />;
}

/** The app around the features main.tsx gives it (features/index.ts). */
export function App({ features }: { features: readonly FeatureDefinition[] }) {
  return (
    <>
      <RouteBoundary>
        <Suspense fallback={<Loading />}>
          <Screens features={features} />
        </Suspense>
      </RouteBoundary>
      <Toaster />
    </>
  );
}
