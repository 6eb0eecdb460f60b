import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { NoteEditor } from './note-editor.tsx';
import './messages.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

afterEach(() => localStorage.clear());

const openNewNote = () =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <NoteEditor id={undefined} />
    </QueryClientProvider>,
  );

describe('a new note', () => {
  it('comes back as it was typed after leaving the page, and can be discarded', async () => {
    vi.mocked(call).mockResolvedValue({ items: [], nextCursor: null });
    const user = userEvent.setup();
    const first = openNewNote();
    await user.type(screen.getByLabelText('Titre'), 'Courses');
    await user.type(screen.getByLabelText('Contenu (Markdown)'), 'du pain');
    first.unmount(); // another tab, another note, a reload: never saved

    openNewNote();
    expect(screen.getByLabelText<HTMLInputElement>('Titre').value).toBe('Courses');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Contenu (Markdown)').value).toBe('du pain');
    expect(screen.getByText(/Brouillon restauré/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Abandonner le brouillon' }));
    expect(screen.getByLabelText<HTMLInputElement>('Titre').value).toBe('');
    expect(localStorage.length).toBe(0);
  });
});
