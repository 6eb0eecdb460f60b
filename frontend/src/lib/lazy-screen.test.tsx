import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyScreen } from './lazy-screen.ts';

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
});
