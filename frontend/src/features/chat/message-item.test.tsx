import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aMessage, aRoom, me } from './chat-builders.ts';
import { MessageItem } from './message-item.tsx';
import './messages.ts';

function renderMessage(overrides: Parameters<typeof aMessage>[0]) {
  const room = aRoom();
  const handlers = { onReply: vi.fn(), onEdit: vi.fn(), onDelete: vi.fn(), onReact: vi.fn() };
  render(
    <ol>
      <MessageItem
        message={aMessage(overrides)}
        members={room.members}
        usernames={new Set(['alice', 'bruno'])}
        me={me}
        seen={false}
        {...handlers}
      />
    </ol>,
  );
  return screen.getByRole('listitem');
}

describe('MessageItem', () => {
  it('renders the Markdown subset as elements, HTML as text, and highlights mentions of members only', () => {
    const item = renderMessage({ text: '**vite** <img src=x onerror=alert(1)> @alice @inconnu [x](javascript:alert(1))' });
    expect(item.querySelector('.chat-text strong')?.textContent).toBe('vite');
    expect(item.querySelector('img')).toBeNull();
    expect(item.textContent).toContain('<img src=x onerror=alert(1)>');
    expect([...item.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['@alice']);
    expect(item.querySelector('a')).toBeNull();
  });

  it('shows a deleted message as "message supprimé", without text, reactions or actions', () => {
    const item = renderMessage({ text: '', deletedAt: '2026-11-25T10:00:00.000Z' });
    expect(item.textContent).toContain('message supprimé');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('marks an edited message, and offers edit and delete on mine only', () => {
    renderMessage({ userId: me, editedAt: '2026-11-25T10:00:00.000Z' });
    expect(screen.getByText('(modifié)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Modifier' })).toBeTruthy();
  });
});
