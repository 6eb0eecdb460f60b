import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { boot } from './app/auth/session-store.ts';
import { applyPreferencesLive } from './app/preferences/apply-preferences.ts';
import { preferencesStore } from './api/preferences-store.ts';
import { features } from './features/index.ts';
import { initI18n } from './i18n/i18n.ts';
import { isDesktop } from './platform/index.ts';
import { dashboardSections } from './ui/dashboard-sections.ts';
import { projectSections } from './ui/project-sections.ts';
import './ui/theme.css';
import './ui/base.css';
import './ui/components.css';

// The session's refresh leaves first: on a phone's network its round trip is the longest wait of a start.
// The desktop app first reads which server it talks to (or asks, on its first run).
void (isDesktop ? import('./features/terminal/desktop-start.tsx').then((d) => d.startDesktop({ boot, features })) : boot());
// Theme and language from the last visit apply before the first paint; the server's copy follows.
await initI18n(preferencesStore.get().language);
applyPreferencesLive();
projectSections.set([...features.flatMap((f) => f.projectSections ?? [])].sort((a, b) => a.order - b.order));
dashboardSections.set([...features.flatMap((f) => f.dashboardSections ?? [])].sort((a, b) => a.order - b.order));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    {/* The one place features meet the app: the shell renders whatever this list holds. */}
    <App features={features} />
  </StrictMode>,
);
