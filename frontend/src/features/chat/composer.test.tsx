import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { aMessage, me } from './chat-builders.ts';
import { Composer } from './composer.tsx';
import type { ComposerMode } from './composer.tsx';
import './messages.ts';

vi.mock('../../api/live.ts', () => ({ emitLive: vi.fn(() => Promise.resolve({ ok: true })) }));
const upload = vi.hoisted(() => ({ answer: (): Promise<unknown> => Promise.resolve({ id: 'f'.repeat(24) }) }));
vi.mock('../../api/files.ts', () => ({
  uploadFile: vi.fn((_file: File, onProgress: (n: number) => void) => (onProgress(0.5), upload.answer())),
}));

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
    expect(onSend).toHaveBeenCalledWith('ligne 1\nligne 2', undefined, []);
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

  it('uploads an attached file at once and sends its id, even without text; × leaves one out', async () => {
    const { onSend, box } = renderComposer();
    const input = screen.getByTestId('chat-file-input');
    await userEvent.upload(input, new File(['hello'], 'bonjour.txt', { type: 'text/plain' }));
    expect(await screen.findByText('1 ko')).toBeTruthy();
    await userEvent.type(box, '{Enter}');
    expect(onSend).toHaveBeenCalledWith('', undefined, ['f'.repeat(24)]);
    expect(screen.queryByText('bonjour.txt')).toBeNull();

    upload.answer = () => Promise.reject(new Error('Le contenu n’est pas un fichier .png'));
    await userEvent.upload(input, new File(['x'], 'faux.png', { type: 'image/png' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Le contenu n’est pas un fichier .png');
    expect(screen.getByRole('button', { name: 'Envoyer' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Retirer faux.png' }));
    expect(screen.queryByText('faux.png')).toBeNull();
  });
});
