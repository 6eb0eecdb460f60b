import type { Note } from '@panoramix/contracts';

export type NoteFields = Pick<Note, 'title' | 'content' | 'projectId'>;

export const blankNote: NoteFields = { title: '', content: '', projectId: null };

/**
 * A new note is not on the server until it is created, so what is typed in it is kept in this
 * browser (one draft per user) and comes back the next time `/notes/new` opens: leaving the tab,
 * a reload or a crash loses nothing. Creating the note, or discarding the draft, removes it.
 */
const keyOf = (userId: string) => `pnx.note-draft.${userId}`;

export function readNewNoteDraft(userId: string): NoteFields | undefined {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(keyOf(userId)) ?? 'null');
    if (!stored || typeof stored !== 'object') return undefined;
    const { title, content, projectId } = stored as Partial<Record<keyof NoteFields, unknown>>;
    if (typeof title !== 'string' || typeof content !== 'string') return undefined;
    return { title, content, projectId: typeof projectId === 'string' ? projectId : null };
  } catch {
    return undefined; // storage off or a damaged value: nothing to restore
  }
}

/** Keeps the draft while it holds something, forgets it once empty. */
export function writeNewNoteDraft(userId: string, fields: NoteFields): void {
  try {
    if (fields.title.trim() === '' && fields.content.trim() === '') localStorage.removeItem(keyOf(userId));
    else localStorage.setItem(keyOf(userId), JSON.stringify(fields));
  } catch {
    // Storage full or disabled: the note still saves normally, only the safety net is missing.
  }
}

export const clearNewNoteDraft = (userId: string) => writeNewNoteDraft(userId, blankNote);
