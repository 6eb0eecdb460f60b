import { describe, expect, it } from 'vitest';
import { expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';

const t = useTeam();

describe('notes', () => {
  it('keeps content exactly as written and lists the last edited first', async () => {
    const content = '  # Title\n\n<script>alert(1)</script>\n\n- item\n';
    const first = (await t.alice.api.post('/api/notes', { title: ' First ', content })).body;
    expect(first).toMatchObject({ title: 'First', content, projectId: null });
    const second = (await t.alice.api.post('/api/notes', { title: 'Second' })).body;
    await t.alice.api.patch(`/api/notes/${first.id}`, { content: `${content}more` });
    const list = await t.alice.api.get('/api/notes?limit=2');
    expect(list.body.items.map((n: { id: string }) => n.id)).toEqual([first.id, second.id]);
    const found = await t.alice.api.get('/api/notes?q=more');
    expect(found.body.items.map((n: { id: string }) => n.id)).toEqual([first.id]);
  });

  it('refuses blank titles and oversized content', async () => {
    expect(expectProblem(await t.alice.api.post('/api/notes', { title: ' ' }), 400).errors?.[0]?.path).toBe('body.title');
    const big = expectProblem(await t.alice.api.post('/api/notes', { title: 'x', content: 'x'.repeat(200_001) }), 400);
    expect(big.errors?.[0]?.path).toBe('body.content');
  });

  it('project notes reach members; free notes and everything else stay hidden from strangers', async () => {
    const free = (await t.alice.api.post('/api/notes', { title: 'Private' })).body;
    const team = (await t.alice.api.post('/api/notes', { title: 'Team', projectId: t.shared.id })).body;
    expectProblem(await t.bob.api.get(`/api/notes/${free.id}`), 404);
    expect((await t.bob.api.patch(`/api/notes/${team.id}`, { title: 'Team (edited by Bob)' })).status).toBe(200);
    for (const id of [free.id, team.id]) {
      expectProblem(await t.eve.api.get(`/api/notes/${id}`), 404);
      expectProblem(await t.eve.api.patch(`/api/notes/${id}`, { title: 'x' }), 404);
      expectProblem(await t.eve.api.delete(`/api/notes/${id}`), 404);
    }
  });

  it('sends note events to members only', async () => {
    const bobSocket = await t.app.socket(t.bob.token);
    const eveEvents = recordEvents(await t.app.socket(t.eve.token));
    const created = nextEvent(bobSocket, 'note.created');
    const note = (await t.alice.api.post('/api/notes', { title: 'Live', projectId: t.shared.id })).body;
    expect((await created).id).toBe(note.id);
    const deleted = nextEvent(bobSocket, 'note.deleted');
    await t.alice.api.delete(`/api/notes/${note.id}`);
    expect(await deleted).toEqual({ id: note.id, projectId: t.shared.id });
    await settle();
    expect(eveEvents).toEqual([]);
  });
});
