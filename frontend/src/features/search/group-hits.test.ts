import { describe, expect, it } from 'vitest';
import { appPath, displayOrder, groupHits } from './group-hits.ts';
import { buildHit } from './search-builders.ts';

describe('groupHits', () => {
  it('groups by kind, the kind of the best hit first, keeping the API order inside a group', () => {
    const note1 = buildHit({ kind: 'note' });
    const task1 = buildHit({ kind: 'task' });
    const note2 = buildHit({ kind: 'note' });
    const link = buildHit({ kind: 'link' });
    const task2 = buildHit({ kind: 'task' });
    const groups = groupHits([note1, task1, note2, link, task2]);
    expect(groups.map((g) => g.kind)).toEqual(['note', 'task', 'link']);
    expect(groups[0]!.hits).toEqual([note1, note2]);
    expect(groups[1]!.hits).toEqual([task1, task2]);
    // ↑/↓ walk the groups as displayed, not the API's interleaved order.
    expect(displayOrder(groups)).toEqual([note1, note2, task1, task2, link]);
  });

  it('gives no group for no hit', () => {
    expect(groupHits([])).toEqual([]);
  });
});

describe('appPath', () => {
  it('opens notes at their own target', () => {
    const note = buildHit({ kind: 'note' });
    expect(appPath(note)).toBe(`/notes/${note.id}`);
  });

  it('opens sessions and their lines under the Notes tab', () => {
    const session = '5'.repeat(24);
    expect(appPath(buildHit({ kind: 'session', target: `/sessions/${session}` }))).toBe(`/notes/sessions/${session}`);
    expect(appPath(buildHit({ kind: 'line', target: `/sessions/${session}#line-abc` }))).toBe(`/notes/sessions/${session}`);
  });

  it('opens a project in its dialog, a task in its project’s list and a link in the links list', () => {
    const project = buildHit({ kind: 'project' });
    expect(appPath(project)).toBe(`/projects?edit=${project.id}`);
    expect(appPath(buildHit({ kind: 'task', projectId: project.id }))).toBe(`/tasks?project=${project.id}&status=all`);
    expect(appPath(buildHit({ kind: 'task' }))).toBe('/tasks?project=none&status=all');
    expect(appPath(buildHit({ kind: 'link' }))).toBe('/links');
  });
});
