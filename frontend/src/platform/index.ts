/**
 * What differs between the web client in a browser and the same build in the desktop app (Tauri).
 * This part is in the initial load, so it is only the few values the data layer needs at once;
 * every native power is in desktop/, fetched with `import()` on desktop only (see powers.ts).
 */

/** Tauri injects this global into its web view before any script runs. */
export const isDesktop = typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;

let base = '';

/** Where the API is: '' in a browser (this site), the server the user chose on desktop. */
export const apiBase = (): string => base;

/** Set once at the desktop app's start, before the first request (desktop/start.ts). */
export function setApiBase(url: string): void {
  base = url.replace(/\/+$/, '');
}

/**
 * The desktop app is a native client: the API answers its refresh token in the body (kept in the
 * OS keyring by desktop/session.ts) rather than in a cookie, which a page of another origin cannot keep.
 */
export const clientHeaders: Readonly<Record<string, string>> = isDesktop ? { 'x-client': 'native' } : {};
