import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildIdOf, diagnoseChunkFailure, isChunkLoadError, reloadOnceFor } from './chunk-recovery.ts';

const shell = (entry: string) =>
  `<!doctype html><head><script type="module" crossorigin src="${entry}"></script></head><body><div id="root"></div></body>`;

beforeEach(() => {
  document.head.innerHTML = '<script type="module" crossorigin src="/assets/index-AAAA1111.js"></script>';
  sessionStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('isChunkLoadError', () => {
  it.each([
    'Failed to fetch dynamically imported module: http://localhost/assets/tasks-page-B1.js',
    'error loading dynamically imported module: http://localhost/assets/tasks-page-B1.js',
    'Importing a module script failed.',
    'Unable to preload CSS for /assets/tasks-page-B1.css',
  ])('recognises “%s”', (message) => {
    expect(isChunkLoadError(new TypeError(message))).toBe(true);
  });

  it('leaves other errors to the ordinary error display', () => {
    expect(isChunkLoadError(new TypeError('x is undefined'))).toBe(false);
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false);
  });
});

describe('diagnoseChunkFailure', () => {
  it('sees a new build when the server’s app shell loads another entry script', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(shell('/assets/index-BBBB2222.js'))));
    expect(buildIdOf(shell('/assets/index-BBBB2222.js'))).toBe('/assets/index-BBBB2222.js');
    await expect(diagnoseChunkFailure()).resolves.toEqual({ kind: 'new-build', buildId: '/assets/index-BBBB2222.js' });
  });

  it('sees the same build when the entry script is this page’s', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(shell('/assets/index-AAAA1111.js'))));
    await expect(diagnoseChunkFailure()).resolves.toEqual({ kind: 'same-build' });
  });

  it('is offline when the server cannot be reached, or the browser says so without asking', async () => {
    const fetchMock = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    vi.stubGlobal('fetch', fetchMock);
    await expect(diagnoseChunkFailure()).resolves.toEqual({ kind: 'offline' });
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    fetchMock.mockClear();
    await expect(diagnoseChunkFailure()).resolves.toEqual({ kind: 'offline' });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('reloadOnceFor', () => {
  it('reloads once for a given build, then never again in this tab: no reload loop on a broken deploy', () => {
    const reload = vi.fn();
    expect(reloadOnceFor('/assets/index-BBBB2222.js', reload)).toBe(true);
    expect(reloadOnceFor('/assets/index-BBBB2222.js', reload)).toBe(false);
    expect(reload).toHaveBeenCalledOnce();
    expect(reloadOnceFor('/assets/index-CCCC3333.js', reload)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
