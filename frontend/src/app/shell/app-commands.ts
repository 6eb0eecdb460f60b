import type { CommandDefinition } from '../palette/commands.ts';
import { signOut } from '../auth/session-store.ts';
import { resolveTheme } from '../preferences/apply-preferences.ts';
import { preferencesStore, updatePreferences } from '../../api/preferences-store.ts';

/** Commands of the shell itself; features bring their own through the registry. */
export function appCommands(toggleSidebar: () => void, openCheatSheet: () => void): CommandDefinition[] {
  return [
    {
      id: 'app.shortcuts',
      title: 'commands.showShortcuts',
      icon: 'command',
      keywords: ['keyboard', 'clavier', 'raccourcis', 'shortcuts', 'touches'],
      shortcut: '?',
      perform: openCheatSheet,
    },
    {
      id: 'app.toggle-theme',
      title: 'commands.toggleTheme',
      icon: 'theme',
      keywords: ['dark', 'light', 'sombre', 'clair', 'theme'],
      perform: () => {
        const current = resolveTheme(preferencesStore.get().theme, document.documentElement.dataset.theme === 'dark');
        void updatePreferences({ theme: current === 'dark' ? 'light' : 'dark' });
      },
    },
    {
      id: 'app.preferences',
      title: 'commands.openPreferences',
      icon: 'settings',
      keywords: ['settings', 'paramètres', 'language', 'langue'],
      perform: ({ navigate }) => navigate('/preferences'),
    },
    { id: 'app.toggle-sidebar', title: 'commands.toggleSidebar', icon: 'menu', perform: toggleSidebar },
    { id: 'app.sign-out', title: 'commands.signOut', icon: 'logout', keywords: ['logout'], perform: () => void signOut() },
    {
      id: 'app.sign-out-everywhere',
      title: 'commands.signOutEverywhere',
      icon: 'logout',
      keywords: ['logout', 'appareils', 'devices', 'sessions'],
      perform: () => void signOut({ everywhere: true }),
    },
  ];
}
