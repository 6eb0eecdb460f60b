import { routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import { generateKeyBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam();

const contents = (res: { body: { items: { content: string }[] } }) => res.body.items.map((l) => l.content);
const newSession = async (body: RouteBodyInput<typeof routes.noteSessions.create> = {}) =>
  (await t.alice.call(routes.noteSessions.create, { body })).body;
const updateSession = (user: TestUser, id: string, body: RouteBodyInput<typeof routes.noteSessions.update>) =>
  user.call(routes.noteSessions.update, { ...byId(id), body });
const addLine = (user: TestUser, sessionId: string, content: string) =>
  user.call(routes.noteLines.create, { body: { sessionId, content } });
const linesOf = (user: TestUser, sessionId: string) => user.call(routes.noteLines.list, { query: { sessionId } });
const updateLine = (user: TestUser, id: string, body: RouteBodyInput<typeof routes.noteLines.update>) =>
  user.call(routes.noteLines.update, { ...byId(id), body });

describe('note sessions and lines', () => {
  it('appends ten lines in order, edits, reorders and deletes them, and closes the session', async () => {
    const session = await newSession({ name: 'Weekly' });
    for (let i = 1; i <= 10; i++) {
      const res = await addLine(t.alice, session.id, `line ${i}`);
      expect(res.status).toBe(201);
    }
    const lines = (await linesOf(t.alice, session.id)).body.items;
    expect(lines.map((l) => l.content)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 1}`));

    await updateLine(t.alice, lines[9]!.id, { content: 'last, edited', rank: generateKeyBetween(null, lines[0]!.rank) });
    await t.alice.call(routes.noteLines.remove, byId(lines[4]!.id));
    const after = contents(await linesOf(t.alice, session.id));
    expect(after[0]).toBe('last, edited');
    expect(after).toHaveLength(9);
    expect(after).not.toContain('line 5');

    const closed = await updateSession(t.alice, session.id, { closed: true });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    const reopened = await updateSession(t.alice, session.id, { closed: false });
    expect(reopened.body.closedAt).toBeNull();
  });

  it('refuses empty lines and lines for a session the caller cannot see', async () => {
    const session = await newSession();
    expect(expectProblem(await addLine(t.alice, session.id, ''), 400).errors?.[0]?.path).toBe('body.content');
    expectProblem(await addLine(t.eve, session.id, 'intrusion'), 404);
    expectProblem(await linesOf(t.eve, session.id), 404);
  });

  it('moving a session to a project moves its lines; members then reach both, strangers neither', async () => {
    const session = await newSession({ name: 'Move me' });
    const line = (await addLine(t.alice, session.id, 'hello')).body;
    expectProblem(await t.bob.call(routes.noteSessions.get, byId(session.id)), 404);
    const moved = await updateSession(t.alice, session.id, { projectId: t.shared.id });
    expect(moved.body.projectId).toBe(t.shared.id);
    expect(contents(await linesOf(t.bob, session.id))).toEqual(['hello']);
    expect((await updateLine(t.bob, line.id, { content: 'hello from Bob' })).body.projectId).toBe(t.shared.id);
    expectProblem(await t.eve.call(routes.noteSessions.get, byId(session.id)), 404);
    expectProblem(await updateLine(t.eve, line.id, { content: 'x' }), 404);
    expectProblem(await t.eve.call(routes.noteSessions.remove, byId(session.id)), 404);
  });

  it('deleting a session deletes its lines', async () => {
    const session = await newSession();
    const line = (await addLine(t.alice, session.id, 'bye')).body;
    expect((await t.alice.call(routes.noteSessions.remove, byId(session.id))).status).toBe(204);
    expectProblem(await updateLine(t.alice, line.id, { content: 'x' }), 404);
  });

  it('says why the AI summary is unavailable without a language model', async () => {
    const session = await newSession();
    const problem = expectProblem(await t.alice.call(routes.noteSessions.summarize, byId(session.id)), 503);
    expect(problem.detail).toContain('No language model is configured');
    expectProblem(await t.eve.call(routes.noteSessions.summarize, byId(session.id)), 404);
  });

  it('sends session and line events to members only', async () => {
    const bobSocket = await t.app.socket(t.bob.token);
    const eveEvents = recordEvents(await t.app.socket(t.eve.token));
    const sessionCreated = nextEvent(bobSocket, 'noteSession.created');
    const session = await newSession({ projectId: t.shared.id });
    expect((await sessionCreated).id).toBe(session.id);
    const lineCreated = nextEvent(bobSocket, 'noteLine.created');
    const line = (await addLine(t.alice, session.id, 'live')).body;
    expect(await lineCreated).toMatchObject({ id: line.id, content: 'live', sessionId: session.id });
    const lineDeleted = nextEvent(bobSocket, 'noteLine.deleted');
    await t.alice.call(routes.noteLines.remove, byId(line.id));
    expect(await lineDeleted).toEqual({ id: line.id, sessionId: session.id, projectId: t.shared.id });
    await settle();
    expect(eveEvents).toEqual([]);
  });
});
