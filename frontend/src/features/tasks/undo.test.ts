import { describe, expect, it } from 'vitest';
import { aTask } from '../../test-builders.ts';
import { undoOf } from './use-tasks.ts';

const p1 = 'a'.repeat(24);
const p2 = 'b'.repeat(24);
const bob = 'c'.repeat(24);

describe('undoing a bulk change', () => {
  it('moves each task back to where it was, with the assignee the move cleared, one request per origin', () => {
    const a = aTask({ projectId: p1, assigneeId: bob });
    const b = aTask({ projectId: p1, assigneeId: bob });
    const c = aTask({ projectId: null });
    expect(undoOf({ projectId: p2 }, [a, b, c])).toEqual([
      { ids: [a.id, b.id], patch: { projectId: p1, assigneeId: bob } },
      { ids: [c.id], patch: { projectId: null, assigneeId: null } },
    ]);
  });

  it('removes only the tags that were new, and puts back the removed ones', () => {
    const tagged = aTask({ tags: ['Urgent'] });
    const bare = aTask({ tags: [] });
    expect(undoOf({ addTags: ['urgent'] }, [tagged, bare])).toEqual([{ ids: [bare.id], patch: { removeTags: ['urgent'] } }]);
    expect(undoOf({ removeTags: ['URGENT'] }, [tagged, bare])).toEqual([{ ids: [tagged.id], patch: { addTags: ['Urgent'] } }]);
  });

  it('gives each task its own status and deadline back', () => {
    const todo = aTask({ status: 'todo', deadline: null });
    const started = aTask({ status: 'in_progress', deadline: '2026-03-10T22:59:59.999Z' });
    expect(undoOf({ status: 'done' }, [todo, started]).map((group) => group.patch)).toEqual([
      { status: 'todo' },
      { status: 'in_progress' },
    ]);
  });
});
