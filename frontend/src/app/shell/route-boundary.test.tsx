import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RouteBoundary } from './route-boundary.tsx';

const shellOf = (entry: string) => new Response(`<script type="module" crossorigin src="${entry}"></script>`);
const chunkError = () => new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/tasks-page-B1.js');
const reload = vi.fn();

beforeEach(() => {
  document.head.innerHTML = '<script type="module" crossorigin src="/assets/index-AAAA1111.js"></script>';
  sessionStorage.clear();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.stubGlobal('location', { ...window.location, reload });
});
afterEach(() => {
  vi.unstubAllGlobals();
  reload.mockReset();
});

function renderFailingChunk() {
  const Page = lazy(() => Promise.reject(chunkError()));
  return render(
    <RouteBoundary>
      <Suspense fallback="…">
        <Page />
      </Suspense>
    </RouteBoundary>,
  );
}

describe('RouteBoundary', () => {
  it('offers Réessayer when a chunk fails on this build, and reloads the page for it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => shellOf('/assets/index-AAAA1111.js')),
    );
    renderFailingChunk();
    expect((await screen.findByRole('alert')).textContent).toContain('Cette page n’a pas pu être chargée.');
    expect(reload).not.toHaveBeenCalled();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Réessayer' }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
  });

  it('reloads by itself, once, when a new build replaced this one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => shellOf('/assets/index-BBBB2222.js')),
    );
    const before = renderFailingChunk();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
    before.unmount(); // the page reloads

    // The reloaded page fails again on that build (a broken deploy): it shows the error, no loop.
    renderFailingChunk();
    await vi.waitFor(() => expect(document.querySelector('[role="alert"][aria-busy="false"]')).not.toBeNull());
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('waits for the network while offline, then reloads by itself', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const fetchMock = vi.fn(async () => shellOf('/assets/index-AAAA1111.js'));
    vi.stubGlobal('fetch', fetchMock);
    renderFailingChunk();
    expect(
      await screen.findByText('Vous êtes hors ligne : elle se chargera d’elle-même au retour de la connexion.'),
    ).toBeTruthy();
    expect(reload).not.toHaveBeenCalled();

    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
  });

  it('renders a crashed screen again on Réessayer, without reloading', async () => {
    function Flaky() {
      const [fixed] = useState(() => (globalThis as { fixed?: boolean }).fixed);
      if (!fixed) throw new Error('boom');
      return <p>Contenu</p>;
    }
    render(
      <RouteBoundary>
        <Flaky />
      </RouteBoundary>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('Elle a rencontré une erreur.');
    (globalThis as { fixed?: boolean }).fixed = true;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(screen.getByText('Contenu')).toBeTruthy();
    expect(reload).not.toHaveBeenCalled();
  });
});
