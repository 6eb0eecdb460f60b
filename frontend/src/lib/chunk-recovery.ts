/**
 * What to do when a lazy chunk of the build fails to load: wait for the network, reload once to
 * a build deployed since this page loaded (its chunks have new names; the old ones answer 404),
 * or let the user retry. React.lazy keeps a failed import failed, so a retry is a reload.
 */

/** The messages of a failed `import()` in Chromium, Firefox and Safari, and of Vite's CSS preload. */
const chunkFailure =
  /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i;

export const isChunkLoadError = (error: unknown): boolean => error instanceof Error && chunkFailure.test(error.message);

/** A build is named by its entry script, whose file name carries the build's content hash. */
export const buildIdOf = (html: string): string | undefined =>
  /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];

const currentBuildId = () => document.querySelector('script[type="module"][src]')?.getAttribute('src') ?? undefined;

export type ChunkDiagnosis = { kind: 'offline' } | { kind: 'new-build'; buildId: string } | { kind: 'same-build' };

/** Asks the server for its app shell (never cached): unreachable, another build, or this one. */
export async function diagnoseChunkFailure(): Promise<ChunkDiagnosis> {
  if (!navigator.onLine) return { kind: 'offline' };
  try {
    const response = await fetch('/', { cache: 'no-store', headers: { accept: 'text/html' } });
    if (!response.ok) return { kind: 'offline' };
    const buildId = buildIdOf(await response.text());
    return buildId && buildId !== currentBuildId() ? { kind: 'new-build', buildId } : { kind: 'same-build' };
  } catch {
    return { kind: 'offline' };
  }
}

const RELOADED_FOR = 'pnx.reloaded-for-build';

/**
 * Reloads the page for a new build, once per build and tab: if the reloaded page fails too (a
 * broken deploy), it stays put and shows its error instead of reloading in a loop.
 */
export function reloadOnceFor(buildId: string, reload = () => location.reload()): boolean {
  if (sessionStorage.getItem(RELOADED_FOR) === buildId) return false;
  sessionStorage.setItem(RELOADED_FOR, buildId);
  reload();
  return true;
}
