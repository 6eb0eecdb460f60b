import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FeatureDefinition } from '../../app/registry.ts';
import { i18n } from '../../i18n/i18n.ts';
import { navigate, safeNext } from '../../lib/location.ts';
import { setApiBase } from '../../platform/index.ts';
import { setUnreadCount } from '../../platform/powers.ts';
import { ServerChoice } from './server-choice.tsx';
import './messages.ts';
import './terminal.css';

/** i18next is being set up by main.tsx at the same time: the first screen waits for its texts. */
const i18nReady = () =>
  i18n.isInitialized ? Promise.resolve() : new Promise<void>((resolve) => i18n.on('initialized', () => resolve()));

/** The first-run screen, over the app's spinner, until an address is checked; it is then remembered. */
async function askServer(): Promise<string> {
  await i18nReady();
  const host = document.body.appendChild(document.createElement('div'));
  const root = createRoot(host);
  const { chooseServer } = await import('../../platform/desktop/servers.ts');
  const url = await new Promise<string>((resolve) =>
    root.render(
      <StrictMode>
        <ServerChoice onChosen={(chosen) => void chooseServer(chosen).then(() => resolve(chosen))} />
      </StrictMode>,
    ),
  );
  root.unmount();
  host.remove();
  return url;
}

/** Tray menu texts in the user's language, now and at each change of language. */
function followLanguage(
  setLabels: (labels: { show: string; autostart: string; minimise: string; quit: string }) => Promise<void>,
) {
  const apply = () => {
    const t = i18n.getFixedT(i18n.language, 'terminal');
    void setLabels({ show: t('tray.show'), autostart: t('tray.autostart'), minimise: t('tray.minimise'), quit: t('tray.quit') });
  };
  apply();
  i18n.on('languageChanged', apply);
}

/** The tray's count is the sum of the tabs' badges (unread messages). */
function followBadges(features: readonly FeatureDefinition[]) {
  const badges = features.flatMap((feature) => (feature.badge ? [feature.badge] : []));
  const apply = () => setUnreadCount(badges.reduce((sum, badge) => sum + badge.get(), 0));
  for (const badge of badges) badge.subscribe(apply);
  apply();
}

/**
 * A link meant for a new tab (target=_blank: a link's address, a mention of the web) opens in the
 * system browser: the web view opens no second window, and no remote page may run inside the app.
 */
function openLinksOutside(openExternal: (url: string) => Promise<void>) {
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[target="_blank"]');
      if (!(link instanceof HTMLAnchorElement) || !/^https?:$/.test(link.protocol)) return;
      event.preventDefault();
      void openExternal(link.href);
    },
    true,
  );
}

/**
 * The desktop app's start (main.tsx, desktop only): the server first (the saved one, else the
 * first-run screen), then the session, then the native parts that follow the app.
 */
export async function startDesktop({ boot, features }: { boot: () => Promise<void>; features: readonly FeatureDefinition[] }) {
  const [{ readServers }, native] = await Promise.all([
    import('../../platform/desktop/servers.ts'),
    import('../../platform/desktop/native.ts'),
  ]);
  const saved = await readServers().catch(() => ({ current: null }));
  setApiBase(saved.current ?? (await askServer()));
  void boot();
  openLinksOutside(native.openExternal);
  // panoramix://tasks?open=… arrives as /tasks?open=…; only a path of this app is followed.
  const follow = (path: string | null) => {
    const target = path && safeNext(`?next=${encodeURIComponent(path)}`);
    if (target) navigate(target);
  };
  void native.onDeepLink(follow);
  void native.deepLinkPending().then(follow, () => undefined);
  await i18nReady();
  followLanguage(native.tray.setLabels);
  followBadges(features);
}
