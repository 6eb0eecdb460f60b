import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { aMessage, me } from './chat-builders.ts';
import { Composer } from './composer.tsx';
import type { ComposerMode } from './composer.tsx';
import './messages.ts';

vi.mock('../../api/live.ts', () => ({ emitLive: vi.fn(() => Promise.resolve({ ok: true })) }));

const lastOwn = aMessage({ userId: me, text: 'Mon dernier message' });

function renderComposer() {
  const onSend = vi.fn();
  const onEdit = vi.fn();
  function Harness() {
    const [mode, setMode] = useState<ComposerMode>({ kind: 'new' });
    return <Composer roomId="r" mode={mode} onModeChange={setMode} onSend={onSend} onEdit={onEdit} lastOwn={lastOwn} />;
  }
  render(<Harness />);
  return { onSend, onEdit, box: screen.getByRole('textbox', { name: 'Message' }) };
}

describe('Composer', () => {
  it('sends on Enter and breaks the line on Shift+Enter', async () => {
    const { onSend, box } = renderComposer();
    await userEvent.type(box, 'ligne 1{Shift>}{Enter}{/Shift}ligne 2{Enter}');
    expect(onSend).toHaveBeenCalledWith('ligne 1\nligne 2', undefined);
    expect(box).toHaveProperty('value', '');
  });

  it('edits my last message with ↑ in an empty composer; Enter saves it', async () => {
    const { onEdit, onSend, box } = renderComposer();
    await userEvent.type(box, '{ArrowUp}');
    expect(box).toHaveProperty('value', 'Mon dernier message');
    expect(screen.getByText('Modification du message')).toBeTruthy();
    await userEvent.type(box, ' corrigé{Enter}');
    expect(onEdit).toHaveBeenCalledWith(lastOwn, 'Mon dernier message corrigé');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('cancels the edit with Esc and leaves ↑ alone when something is typed', async () => {
    const { onEdit, box } = renderComposer();
    await userEvent.type(box, '{ArrowUp}{Escape}');
    expect(box).toHaveProperty('value', '');
    expect(screen.queryByText('Modification du message')).toBeNull();
    await userEvent.type(box, 'x{ArrowUp}');
    expect(box).toHaveProperty('value', 'x');
    expect(onEdit).not.toHaveBeenCalled();
  });
});
