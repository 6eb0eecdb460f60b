import { fireEvent, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { currentLocation, navigate } from '../../lib/location.ts';
import { aLinksTab } from './test-features.ts';
import { useShortcuts } from './use-shortcuts.ts';

function setUp() {
  const togglePalette = vi.fn();
  const openCheatSheet = vi.fn();
  renderHook(() => useShortcuts([aLinksTab], togglePalette, openCheatSheet));
  return { togglePalette, openCheatSheet };
}

describe('global keys', () => {
  it('? opens the cheat sheet, not while typing nor over a dialog', () => {
    const { openCheatSheet } = setUp();
    fireEvent.keyDown(window, { key: '?' });
    expect(openCheatSheet).toHaveBeenCalledOnce();

    const field = document.body.appendChild(document.createElement('input'));
    fireEvent.keyDown(field, { key: '?' });
    field.remove();
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    fireEvent.keyDown(window, { key: '?' });
    dialog.remove();
    expect(openCheatSheet).toHaveBeenCalledOnce();
  });

  it('Ctrl+K toggles the palette even while typing; G then a tab’s letter opens it', () => {
    navigate('/home', { replace: true });
    const { togglePalette } = setUp();
    const field = document.body.appendChild(document.createElement('input'));
    fireEvent.keyDown(field, { key: 'k', ctrlKey: true });
    field.remove();
    expect(togglePalette).toHaveBeenCalledOnce();
    fireEvent.keyDown(window, { key: 'g' });
    fireEvent.keyDown(window, { key: 'l' });
    expect(currentLocation().pathname).toBe('/links');
  });
});
