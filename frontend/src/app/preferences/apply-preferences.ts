import type { Preferences } from '@panoramix/contracts';
import { setLanguage } from '../../i18n/i18n.ts';
import { preferencesStore } from '../../api/preferences-store.ts';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolveTheme(theme: Preferences['theme'], systemDark: boolean): 'light' | 'dark' {
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}

function apply(preferences: Preferences): void {
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(preferences.theme, darkQuery().matches);
  root.dataset.density = preferences.density;
  void setLanguage(preferences.language);
}

/** Keeps the document in line with the preferences: now, on every change, and when the OS theme flips. */
export function applyPreferencesLive(): () => void {
  apply(preferencesStore.get());
  const unsubscribe = preferencesStore.subscribe(() => apply(preferencesStore.get()));
  const media = darkQuery();
  const onSystemChange = () => apply(preferencesStore.get());
  media.addEventListener('change', onSystemChange);
  return () => {
    unsubscribe();
    media.removeEventListener('change', onSystemChange);
  };
}
