import { createElement, lazy, useEffect, useState } from 'react';
import type { ComponentType } from 'react';

export type LazyScreen<P extends object = object> = ComponentType<P> & {
  /** Starts fetching the screen's code without rendering it; the render then finds it loaded. */
  preload: () => Promise<unknown>;
  /** Whether its code is there: it then renders without suspending. */
  isLoaded: () => boolean;
};

/**
 * A lazily loaded screen that can be fetched before it renders. The shell asks for the tab at the
 * address while the data layer restores the replica, rather than after it: on a reload the tab's
 * chunks (fetched one import level at a time, see vite.config.ts) came last, about 300 ms on the
 * web bench. A failed fetch is retried by reloading the page (route-boundary.tsx), as for React.lazy.
 *
 * Once its code is there the screen renders it directly, not through React.lazy: a lazy component
 * suspends on its first render even when its code has arrived, and once a Suspense fallback is on
 * screen React holds every reveal until 300 ms after it (its throttle), which put Accueil's first
 * paint 300 ms after its data (bench/src/lighthouse.bench.ts).
 */
export function lazyScreen<P extends object = object>(load: () => Promise<{ default: ComponentType<P> }>): LazyScreen<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  let loaded: ComponentType<P> | undefined;
  const once = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(once) as unknown as ComponentType<P>;
  const Screen = (props: P) => createElement(loaded ?? Lazy, props);
  return Object.assign(Screen, { preload: once, isLoaded: () => loaded !== undefined });
}

/**
 * Fetches `screen`'s code and tells when it is there, for a part that shows its own placeholder
 * meanwhile instead of a Suspense fallback (see lazyScreen for why). A failed fetch is thrown at
 * the next render, to the nearest error boundary, as a lazy component's would be.
 */
export function useLoaded(screen: Pick<LazyScreen, 'preload' | 'isLoaded'>): boolean {
  const [, setSettled] = useState(0);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    if (!screen.isLoaded())
      screen.preload().then(
        () => live && setSettled((n) => n + 1),
        (failure: unknown) => live && setError(failure),
      );
    return () => {
      live = false;
    };
  }, [screen]);
  if (error !== undefined) throw error;
  return screen.isLoaded();
}
