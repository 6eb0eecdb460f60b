import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { InlineEdit } from './inline-edit.tsx';

describe('InlineEdit', () => {
  it('saves once on Enter, trimmed, and gives the focus back to the text', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<InlineEdit value="Old" inputLabel="Title" onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Old' }));
    const input = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(input);
    await user.type(input, '  New title  {Enter}');
    expect(onSave).toHaveBeenCalledExactlyOnceWith('New title');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button')));
  });

  it('cancels on Esc and saves nothing empty or unchanged', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<InlineEdit value="Same" inputLabel="Title" onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Same' }));
    await user.type(screen.getByRole('textbox'), ' changed{Escape}');
    await user.click(screen.getByRole('button', { name: 'Same' }));
    await user.clear(screen.getByRole('textbox'));
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Same' }));
    await user.keyboard('{Enter}');
    expect(onSave).not.toHaveBeenCalled();
  });
});
