import type { routes as contractRoutes, Preferences, RouteBodyInput } from '@panoramix/contracts';
import { defaultPreferences, routes } from 'virtual:panoramix/contracts';
import { PREFERENCES_KEY } from './early-start.ts';
import { createStore, useStore } from '../lib/store.ts';
import { call } from './client.ts';

/**
 * Preferences are shell state, needed before any screen renders (theme, language), so they live
 * in a store rather than the query cache. The last known value is kept in localStorage so a
 * reload paints in the right theme and language before the server answers.
 */
function remembered(): Preferences {
  try {
    const saved = JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? 'null') as Partial<Preferences> | null;
    return { ...defaultPreferences, ...saved };
  } catch {
    return defaultPreferences;
  }
}

export const preferencesStore = createStore<Preferences>(remembered());

/** Whether this browser kept a signed-in user's preferences from an earlier visit. */
export const hasRememberedPreferences = () => localStorage.getItem(PREFERENCES_KEY) !== null;

preferencesStore.subscribe(() => {
  localStorage.setItem(PREFERENCES_KEY, JSON.stringify(preferencesStore.get()));
});

export const usePreferences = () => useStore(preferencesStore);

/**
 * The server's preferences into the store. The same values again (a start reads them, then its first
 * connection does) leave the store as it is: a new object would render every screen that formats a date.
 */
export async function loadPreferences(): Promise<void> {
  const loaded = await call(routes.preferences.get);
  if (JSON.stringify(loaded) !== JSON.stringify(preferencesStore.get())) preferencesStore.set(loaded);
}

export type PreferencesPatch = RouteBodyInput<typeof contractRoutes.preferences.update>;

/** Applies the change at once and saves it; the server's answer (or the old value) wins. */
export async function updatePreferences(patch: PreferencesPatch): Promise<void> {
  const before = preferencesStore.get();
  preferencesStore.set({ ...before, ...patch });
  try {
    preferencesStore.set(await call(routes.preferences.update, { body: patch }));
  } catch (error) {
    preferencesStore.set(before);
    throw error;
  }
}
