import { afterEach, describe, expect, it } from 'vitest';
import { clearNewNoteDraft, readNewNoteDraft, writeNewNoteDraft } from './new-note-draft.ts';

afterEach(() => localStorage.clear());

describe('new note draft', () => {
  it('keeps what was typed in a new note for the same user only, until cleared', () => {
    writeNewNoteDraft('ada', { title: 'Idées', content: 'Une liste', projectId: null });
    expect(readNewNoteDraft('ada')).toEqual({ title: 'Idées', content: 'Une liste', projectId: null });
    expect(readNewNoteDraft('ben')).toBeUndefined();
    clearNewNoteDraft('ada');
    expect(readNewNoteDraft('ada')).toBeUndefined();
  });

  it('forgets a draft emptied by hand, and ignores a damaged one', () => {
    writeNewNoteDraft('ada', { title: 'x', content: '', projectId: null });
    writeNewNoteDraft('ada', { title: ' ', content: '', projectId: null });
    expect(localStorage.length).toBe(0);
    localStorage.setItem('pnx.note-draft.ada', '{not json');
    expect(readNewNoteDraft('ada')).toBeUndefined();
  });
});
