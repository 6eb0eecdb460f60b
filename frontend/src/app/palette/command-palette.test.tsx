import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PaletteItem } from './commands.ts';
import { CommandPalette } from './command-palette.tsx';
import { holdKeys } from './held-keys.ts';

const item = (id: string, label: string, perform = vi.fn()): PaletteItem => ({
  id,
  label,
  section: 'actions',
  keywords: '',
  perform,
});

describe('CommandPalette', () => {
  it('filters as you type and runs the chosen entry with the keyboard', async () => {
    const user = userEvent.setup();
    const items = [item('home', 'Aller à : Accueil'), item('links', 'Aller à : Liens'), item('new', 'Nouveau lien')];
    const onClose = vi.fn();
    render(<CommandPalette items={items} onClose={onClose} />);

    const input = screen.getByRole('combobox', { name: 'Palette de commandes' });
    expect(document.activeElement).toBe(input);
    await user.keyboard('lien');
    // Both match; the shorter label ranks first.
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Nouveau lien', 'Aller à : Liens']);
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('Nouveau lien');

    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('Aller à : Liens');
    await user.keyboard('{ArrowDown}'); // wraps around
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('Nouveau lien');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(items[1]!.perform).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says so when nothing matches, and Esc closes it', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<CommandPalette items={[item('home', 'Accueil')]} onClose={onClose} />);
    await user.keyboard('zzz');
    expect(screen.getByText('Aucune commande ne correspond.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('takes what was typed after Ctrl+K before it came up, keeping it from the page, then lets keys through again', () => {
    const page = vi.fn();
    window.addEventListener('keydown', page);
    const press = (key: string) =>
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    holdKeys(); // what the shell does on Ctrl+K, before the palette's chunk is even fetched
    ['r', 'e', 'x', 'Backspace', 'u'].forEach(press);
    expect(page).not.toHaveBeenCalled();

    render(<CommandPalette items={[item('meeting', 'Réunion')]} onClose={vi.fn()} />);
    expect(screen.getByRole('combobox', { name: 'Palette de commandes' })).toHaveProperty('value', 'reu');
    press('z');
    expect(page).toHaveBeenCalledOnce();
    window.removeEventListener('keydown', page);
  });
});
