import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import TerminalPage from './terminal-page.tsx';
import DesktopPreferences from './desktop-preferences.tsx';

// A browser: the desktop side must never load.
vi.mock('../../platform/desktop/native.ts', () => {
  throw new Error('the desktop side must not load in a browser');
});

describe('Terminal in a browser', () => {
  it('explains that the terminal is the desktop app’s, and opens no shell', () => {
    render(<TerminalPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Terminal' })).toBeTruthy();
    expect(screen.getByText(/n’existe que dans l’application de bureau/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nouveau terminal' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Système' })).toBeNull();
  });

  it('adds nothing to Préférences', () => {
    const { container } = render(<DesktopPreferences />);
    expect(container.innerHTML).toBe('');
  });
});
