import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

export type LazyScreen = LazyExoticComponent<ComponentType> & {
  /** Starts fetching the screen's code without rendering it; the render then finds it loaded. */
  preload: () => Promise<unknown>;
};

/**
 * A lazily loaded screen that can be fetched before it renders. The shell asks for the tab at the
 * address while the data layer restores the replica, rather than after it: on a reload the tab's
 * chunks (fetched one import level at a time, see vite.config.ts) came last, about 300 ms on the
 * web bench. A failed fetch is retried by reloading the page (route-boundary.tsx), as for React.lazy.
 */
export function lazyScreen(load: () => Promise<{ default: ComponentType }>): LazyScreen {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const once = () => (loading ??= load());
  return Object.assign(lazy(once), { preload: once });
}
