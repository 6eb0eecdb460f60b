import { describe, expect, it } from 'vitest';
import { expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';

const t = useTeam();

const contents = (res: { body: { items: { content: string }[] } }) => res.body.items.map((l) => l.content);

describe('note sessions and lines', () => {
  it('appends ten lines in order, edits, reorders and deletes them, and closes the session', async () => {
    const session = (await t.alice.api.post('/api/note-sessions', { name: 'Weekly' })).body;
    for (let i = 1; i <= 10; i++) {
      const res = await t.alice.api.post('/api/note-lines', { sessionId: session.id, content: `line ${i}` });
      expect(res.status).toBe(201);
    }
    const lines = (await t.alice.api.get(`/api/note-lines?sessionId=${session.id}`)).body.items;
    expect(lines.map((l: { content: string }) => l.content)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 1}`));

    await t.alice.api.patch(`/api/note-lines/${lines[9].id}`, { content: 'last, edited', rank: lines[0].rank - 1 });
    await t.alice.api.delete(`/api/note-lines/${lines[4].id}`);
    const after = contents(await t.alice.api.get(`/api/note-lines?sessionId=${session.id}`));
    expect(after[0]).toBe('last, edited');
    expect(after).toHaveLength(9);
    expect(after).not.toContain('line 5');

    const closed = await t.alice.api.patch(`/api/note-sessions/${session.id}`, { closed: true });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    const reopened = await t.alice.api.patch(`/api/note-sessions/${session.id}`, { closed: false });
    expect(reopened.body.closedAt).toBeNull();
  });

  it('refuses empty lines and lines for a session the caller cannot see', async () => {
    const session = (await t.alice.api.post('/api/note-sessions', {})).body;
    expect(
      expectProblem(await t.alice.api.post('/api/note-lines', { sessionId: session.id, content: '' }), 400).errors?.[0]?.path,
    ).toBe('body.content');
    expectProblem(await t.eve.api.post('/api/note-lines', { sessionId: session.id, content: 'intrusion' }), 404);
    expectProblem(await t.eve.api.get(`/api/note-lines?sessionId=${session.id}`), 404);
  });

  it('moving a session to a project moves its lines; members then reach both, strangers neither', async () => {
    const session = (await t.alice.api.post('/api/note-sessions', { name: 'Move me' })).body;
    const line = (await t.alice.api.post('/api/note-lines', { sessionId: session.id, content: 'hello' })).body;
    expectProblem(await t.bob.api.get(`/api/note-sessions/${session.id}`), 404);
    const moved = await t.alice.api.patch(`/api/note-sessions/${session.id}`, { projectId: t.shared.id });
    expect(moved.body.projectId).toBe(t.shared.id);
    expect(contents(await t.bob.api.get(`/api/note-lines?sessionId=${session.id}`))).toEqual(['hello']);
    expect((await t.bob.api.patch(`/api/note-lines/${line.id}`, { content: 'hello from Bob' })).body.projectId).toBe(t.shared.id);
    expectProblem(await t.eve.api.get(`/api/note-sessions/${session.id}`), 404);
    expectProblem(await t.eve.api.patch(`/api/note-lines/${line.id}`, { content: 'x' }), 404);
    expectProblem(await t.eve.api.delete(`/api/note-sessions/${session.id}`), 404);
  });

  it('deleting a session deletes its lines', async () => {
    const session = (await t.alice.api.post('/api/note-sessions', {})).body;
    const line = (await t.alice.api.post('/api/note-lines', { sessionId: session.id, content: 'bye' })).body;
    expect((await t.alice.api.delete(`/api/note-sessions/${session.id}`)).status).toBe(204);
    expectProblem(await t.alice.api.patch(`/api/note-lines/${line.id}`, { content: 'x' }), 404);
  });

  it('says why the AI summary is unavailable without a language model', async () => {
    const session = (await t.alice.api.post('/api/note-sessions', {})).body;
    const problem = expectProblem(await t.alice.api.post(`/api/note-sessions/${session.id}/summary`), 503);
    expect(problem.detail).toContain('No language model is configured');
    expectProblem(await t.eve.api.post(`/api/note-sessions/${session.id}/summary`), 404);
  });

  it('sends session and line events to members only', async () => {
    const bobSocket = await t.app.socket(t.bob.token);
    const eveEvents = recordEvents(await t.app.socket(t.eve.token));
    const sessionCreated = nextEvent(bobSocket, 'noteSession.created');
    const session = (await t.alice.api.post('/api/note-sessions', { projectId: t.shared.id })).body;
    expect((await sessionCreated).id).toBe(session.id);
    const lineCreated = nextEvent(bobSocket, 'noteLine.created');
    const line = (await t.alice.api.post('/api/note-lines', { sessionId: session.id, content: 'live' })).body;
    expect(await lineCreated).toMatchObject({ id: line.id, content: 'live', sessionId: session.id });
    const lineDeleted = nextEvent(bobSocket, 'noteLine.deleted');
    await t.alice.api.delete(`/api/note-lines/${line.id}`);
    expect(await lineDeleted).toEqual({ id: line.id, sessionId: session.id, projectId: t.shared.id });
    await settle();
    expect(eveEvents).toEqual([]);
  });
});
