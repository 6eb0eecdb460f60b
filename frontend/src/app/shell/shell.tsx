import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../../api/connection-status.ts';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { Button } from '../../ui/button.tsx';
import { Icon } from '../../ui/icon.tsx';
import { holdKeys, releaseKeys } from '../palette/held-keys.ts';
import { loadPreferences, preferencesStore } from '../../api/preferences-store.ts';
import type { FeatureDefinition } from '../registry.ts';
import { afterStart } from '../../lib/after-start.ts';
import { lazyScreen, useLoaded } from '../../lib/lazy-screen.ts';
import { formatBinding } from '../../lib/keys.ts';
import { isWithin, useLocation } from '../../lib/location.ts';
import { Outlet } from './outlet.tsx';
import { Sidebar } from './sidebar.tsx';
import { useShortcuts } from './use-shortcuts.ts';
import { RouteBoundary } from './route-boundary.tsx';
import { useOnline } from '../../lib/online.ts';
import { useCurrentUserId } from '../auth/current-user.ts';
import { sessionsKey } from '../account/sessions-key.ts';
import './shell.css';

// TanStack Query and the socket are fetched once the shell is on screen, outside the initial budget;
// the content shows its spinner until they are there, not a Suspense fallback (lib/lazy-screen.ts).
const DataProvider = lazyScreen(() => import('../../api/data-provider.tsx'));
// The palette too: fetched once the start is over (see below), so Ctrl+K finds it loaded.
const loadPalette = () => import('./shell-palette.tsx');
const ShellPalette = lazy(() =>
  loadPalette().then(
    (m) => ({ default: m.ShellPalette }),
    (error: unknown) => {
      releaseKeys(); // the keys held for it go back to the page
      throw error;
    },
  ),
);
const CheatSheet = lazy(() => import('./cheat-sheet.tsx'));

/** The shell's own live events: preferences changed on another device or tab; one of my sessions was signed out. */
const shellEvents: EventAppliers = {
  'preferences.updated': (_, preferences) => preferencesStore.set(preferences),
  'session.revoked': (queryClient) => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
};
const resyncPreferences = () => void loadPreferences().catch(() => undefined);

const SIDEBAR_KEY = 'pnx.sidebar-collapsed';

function ContentLoading({ label }: { label: string }) {
  return (
    <div className="content-loading">
      <span className="spinner" role="status" aria-label={label} />
    </div>
  );
}

/** The frame around the features it is given (main.tsx gives it features/index.ts): it imports none of them. */
export default function Shell({ features }: { features: readonly FeatureDefinition[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const live = useConnectionStatus();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDEBAR_KEY) === 'true');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [cheatSheetOpen, setCheatSheetOpen] = useState(false);

  const toggleCollapsed = useCallback(() => {
    setCollapsed((value) => {
      localStorage.setItem(SIDEBAR_KEY, String(!value));
      return !value;
    });
  }, []);
  const togglePalette = useCallback(() => {
    holdKeys(); // typed before the palette's field has focus, the query still reaches it
    setPaletteOpen((open) => !open);
  }, []);
  const openCheatSheet = useCallback(() => setCheatSheetOpen(true), []);
  useEffect(() => {
    if (!paletteOpen) releaseKeys(); // closed again before it came up
  }, [paletteOpen]);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  useShortcuts(features, togglePalette, openCheatSheet);
  const appliers = useMemo(
    () => [() => Promise.resolve(shellEvents), ...features.flatMap((f) => (f.events ? [f.events] : []))],
    [features],
  );
  const replicas = useMemo(() => features.flatMap((f) => (f.replica ? [f.replica] : [])), [features]);
  const userId = useCurrentUserId();

  useEffect(() => afterStart(() => void loadPalette().catch(() => undefined)), []); // a failure shows when it is opened

  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setDrawerOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  const current = features.find((f) => isWithin(pathname, f.path));
  // The tab's code is fetched beside the data layer's, not once the replica is restored.
  // A failure shows when the tab renders (its boundary offers a retry).
  useEffect(() => void current?.component.preload().catch(() => undefined), [current]);
  const title = current
    ? t(current.title)
    : isWithin(pathname, '/preferences')
      ? t('preferences.title')
      : isWithin(pathname, '/account')
        ? t('auth.account')
        : t('app.name');
  const online = useOnline();

  useEffect(() => {
    document.title = title === t('app.name') ? title : `${title} — ${t('app.name')}`;
  }, [title, t]);

  const routeKey = current?.id ?? pathname;
  const loadingLabel = t('app.loading');
  // The tab's tree is the same element until the tab, the user or the language changes: the shell
  // renders again on each change of the connection (connecting, online, offline) and of the browser's
  // network, which would otherwise render the whole tab again, as one task, on a start's first connection.
  // One boundary for the data layer's chunk, one per tab (reset by its key when the tab changes).
  const dataLayer = useLoaded(DataProvider);
  const content = useMemo(
    () => (
      <RouteBoundary>
        {dataLayer ? (
          <DataProvider key={userId} userId={userId} appliers={appliers} replicas={replicas} onResync={resyncPreferences}>
            <RouteBoundary key={routeKey}>
              <Suspense fallback={<ContentLoading label={loadingLabel} />}>
                <Outlet features={features} />
              </Suspense>
            </RouteBoundary>
            {features.map(
              ({ id, overlay: Overlay }) =>
                Overlay && (
                  <RouteBoundary key={`overlay-${id}`} fallback={null}>
                    <Suspense fallback={null}>
                      <Overlay />
                    </Suspense>
                  </RouteBoundary>
                ),
            )}
          </DataProvider>
        ) : (
          <ContentLoading label={loadingLabel} />
        )}
      </RouteBoundary>
    ),
    [features, userId, appliers, replicas, routeKey, loadingLabel, dataLayer],
  );

  return (
    <div className="shell" data-collapsed={collapsed} data-drawer={drawerOpen} data-live={live}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar" id="sidebar">
        <Sidebar features={features} collapsed={collapsed} onToggleCollapsed={toggleCollapsed} onNavigate={closeDrawer} />
      </aside>
      {drawerOpen && <div className="drawer-scrim" onClick={closeDrawer} aria-hidden="true" />}
      <div className="shell-main">
        <header className="topbar">
          <Button
            variant="ghost"
            icon
            className="menu-button"
            aria-label={drawerOpen ? t('shell.closeMenu') : t('shell.openMenu')}
            aria-expanded={drawerOpen}
            aria-controls="sidebar"
            onClick={() => setDrawerOpen((open) => !open)}
          >
            <Icon name={drawerOpen ? 'close' : 'menu'} />
          </Button>
          <h2 className="topbar-title">{title}</h2>
          <button
            type="button"
            className="palette-trigger"
            onClick={togglePalette}
            aria-haspopup="dialog"
            aria-label={t('palette.label')}
          >
            <Icon name="search" />
            <span className="palette-trigger-label">{t('shell.searchCommands')}</span>
            <kbd className="kbd">{formatBinding('Mod+K')}</kbd>
          </button>
        </header>
        {(!online || live === 'offline') && (
          <p className="offline-banner" role="status">
            {online ? t('shell.serverLost') : t('shell.offlineBanner')}
          </p>
        )}
        <main id="main" tabIndex={-1} className="shell-content">
          {content}
        </main>
      </div>
      {paletteOpen && (
        <RouteBoundary fallback={null}>
          <Suspense fallback={null}>
            <ShellPalette
              features={features}
              onToggleSidebar={toggleCollapsed}
              onOpenCheatSheet={openCheatSheet}
              onClose={() => setPaletteOpen(false)}
            />
          </Suspense>
        </RouteBoundary>
      )}
      {cheatSheetOpen && (
        <RouteBoundary fallback={null}>
          <Suspense fallback={null}>
            <CheatSheet features={features} onClose={() => setCheatSheetOpen(false)} />
          </Suspense>
        </RouteBoundary>
      )}
    </div>
  );
}
