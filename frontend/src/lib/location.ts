import { createStore, useStore } from './store.ts';

export interface AppLocation {
  pathname: string;
  search: string;
}

/**
 * A deliberately small router: the History API plus a store. react-router alone would cost
 * about 13 KB gzip of the 100 KB initial budget, for features (loaders, nested layouts,
 * data APIs) the shell does not use; features match their own sub-paths.
 */
const read = (): AppLocation => ({ pathname: window.location.pathname, search: window.location.search });

const locationStore = createStore<AppLocation>(read());
window.addEventListener('popstate', () => locationStore.set(read()));

export const useLocation = () => useStore(locationStore);
export const currentLocation = () => locationStore.get();

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = locationStore.get();
  if (`${current.pathname}${current.search}` === to) return;
  window.history[options.replace ? 'replaceState' : 'pushState'](null, '', to);
  locationStore.set(read());
}

/** True when `pathname` is `base` or one of its sub-paths (`/links/123` is within `/links`). */
export const isWithin = (pathname: string, base: string) => pathname === base || pathname.startsWith(`${base}/`);

/** A same-app path from an untrusted `?next=` value, or undefined (never another origin). */
export function safeNext(search: string): string | undefined {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}
