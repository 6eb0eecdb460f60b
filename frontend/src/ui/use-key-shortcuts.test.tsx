import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useKeyShortcuts } from './use-key-shortcuts.ts';

function Screen({ bindings }: { bindings: Record<string, () => void> }) {
  useKeyShortcuts(bindings);
  return <input aria-label="titre" />;
}

describe('useKeyShortcuts', () => {
  it('runs a single key pressed outside fields, and not while typing', () => {
    const create = vi.fn();
    const { getByLabelText } = render(<Screen bindings={{ c: create }} />);
    fireEvent.keyDown(window, { key: 'c' });
    expect(create).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(getByLabelText('titre'), { key: 'c' });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('runs Mod+Enter while typing, with Ctrl or ⌘', () => {
    const save = vi.fn();
    const { getByLabelText } = render(<Screen bindings={{ 'Mod+Enter': save }} />);
    fireEvent.keyDown(getByLabelText('titre'), { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(getByLabelText('titre'), { key: 'Enter', metaKey: true });
    fireEvent.keyDown(getByLabelText('titre'), { key: 'Enter' });
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('leaves single keys to an open dialog', () => {
    const create = vi.fn();
    render(<Screen bindings={{ c: create }} />);
    const dialog = document.body.appendChild(document.createElement('div'));
    dialog.setAttribute('role', 'dialog');
    fireEvent.keyDown(window, { key: 'c' });
    dialog.remove();
    expect(create).not.toHaveBeenCalled();
  });
});
