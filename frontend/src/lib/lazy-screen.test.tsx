import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyScreen, useLoaded } from './lazy-screen.ts';

describe('lazyScreen', () => {
  it('fetches the code once, whether it was preloaded before it renders or not', async () => {
    const load = vi.fn(() => Promise.resolve({ default: () => <p>Tâches</p> }));
    const Screen = lazyScreen(load);
    await Screen.preload();
    await Screen.preload();
    render(
      <Suspense fallback="…">
        <Screen />
      </Suspense>,
    );
    expect(await screen.findByText('Tâches')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('renders at once, without its fallback, once its code has been fetched', async () => {
    const Screen = lazyScreen(() => Promise.resolve({ default: () => <p>Accueil</p> }));
    await Screen.preload();
    render(
      <Suspense fallback={<p>Chargement…</p>}>
        <Screen />
      </Suspense>,
    );
    expect(screen.getByText('Accueil')).toBeTruthy(); // in the first commit: no fallback, no throttle
    expect(screen.queryByText('Chargement…')).toBeNull();
  });

  it('useLoaded shows the caller’s placeholder until the code is there, then the screen, with no Suspense boundary', async () => {
    const Screen = lazyScreen<{ name: string }>(() => Promise.resolve({ default: ({ name }) => <p>Bonjour {name}</p> }));
    function Part() {
      return useLoaded(Screen) ? <Screen name="Ana" /> : <p>Chargement…</p>;
    }
    render(<Part />);
    expect(screen.getByText('Chargement…')).toBeTruthy();
    expect(await screen.findByText('Bonjour Ana')).toBeTruthy();
  });
});
