import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aMessage, aRoom, me, other } from './chat-builders.ts';
import { ReactionPicker, Reactions } from './reactions.tsx';
import './messages.ts';

describe('Reactions', () => {
  it('shows a count per emoji, who reacted, and mine as pressed; a click toggles that emoji', async () => {
    const onReact = vi.fn();
    const message = aMessage({
      reactions: [
        { emoji: '👍', count: 2, userIds: [other, me] },
        { emoji: '🎉', count: 1, userIds: [other] },
      ],
    });
    render(<Reactions message={message} members={aRoom().members} me={me} onReact={onReact} />);
    const thumbs = screen.getByRole('button', { name: '👍 2 : Bruno, Alice' });
    expect(thumbs.getAttribute('aria-pressed')).toBe('true');
    expect(thumbs.title).toBe('Bruno, Alice');
    expect(screen.getByRole('button', { name: '🎉 1 : Bruno' }).getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(thumbs);
    expect(onReact).toHaveBeenCalledWith('👍');
  });

  it('shows nothing without reactions; the picker offers the 12 emoji of the palette', async () => {
    const onReact = vi.fn();
    const { container } = render(<Reactions message={aMessage()} members={[]} me={me} onReact={onReact} />);
    expect(container.innerHTML).toBe('');
    render(<ReactionPicker onReact={onReact} />);
    await userEvent.click(screen.getByRole('button', { name: 'Réagir' }));
    expect(screen.getByRole('group', { name: 'Réagir' }).querySelectorAll('button')).toHaveLength(12);
    await userEvent.click(screen.getByRole('button', { name: '🎉' }));
    expect(onReact).toHaveBeenCalledWith('🎉');
    expect(screen.queryByRole('group', { name: 'Réagir' })).toBeNull();
  });
});
