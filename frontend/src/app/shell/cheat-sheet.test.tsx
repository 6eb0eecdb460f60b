import { act, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import CheatSheet from './cheat-sheet.tsx';
import { aLinksTab } from './test-features.ts';

/** The sheet suspends until the features' keys are loaded: React settles that inside act. */
const renderSheet = (sheet: ReactNode) => act(async () => void render(sheet));

const linesOf = (group: HTMLElement) =>
  [...group.querySelectorAll('.cheat-entry')].map((entry) => [
    [...entry.querySelectorAll('kbd')].map((kbd) => kbd.textContent).join(' '),
    entry.querySelector('dd')?.textContent,
  ]);

describe('the ? cheat sheet', () => {
  it('lists the global keys and each tab’s G letter, then a feature’s own shortcuts under its name', async () => {
    await renderSheet(<CheatSheet features={[aLinksTab]} onClose={vi.fn()} />);
    expect(linesOf(screen.getByRole('region', { name: 'Partout' }))).toEqual([
      ['Ctrl K', 'Ouvrir ou fermer la palette de commandes'],
      ['?', 'Afficher ces raccourcis'],
      ['G L', 'Aller à : Liens'],
    ]);
    expect(linesOf(screen.getByRole('region', { name: 'Liens' }))).toEqual([['C', 'Nouveau lien']]);
  });

  it('closes with Esc or its button', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    await renderSheet(<CheatSheet features={[]} onClose={onClose} />);
    await user.keyboard('{Escape}');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Fermer' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
