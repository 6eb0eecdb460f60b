import { routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam();

const create = (user: TestUser, body: RouteBodyInput<typeof routes.notes.create>) => user.call(routes.notes.create, { body });
const update = (user: TestUser, id: string, body: RouteBodyInput<typeof routes.notes.update>) =>
  user.call(routes.notes.update, { ...byId(id), body });

describe('notes', () => {
  it('keeps content exactly as written and lists the last edited first', async () => {
    const content = '  # Title\n\n<script>alert(1)</script>\n\n- item\n';
    const first = (await create(t.alice, { title: ' First ', content })).body;
    expect(first).toMatchObject({ title: 'First', content, projectId: null });
    const second = (await create(t.alice, { title: 'Second' })).body;
    await update(t.alice, first.id, { content: `${content}more` });
    const list = await t.alice.call(routes.notes.list, { query: { limit: 2 } });
    expect(list.body.items.map((n) => n.id)).toEqual([first.id, second.id]);
    const found = await t.alice.call(routes.notes.list, { query: { q: 'more' } });
    expect(found.body.items.map((n) => n.id)).toEqual([first.id]);
  });

  it('refuses blank titles and oversized content', async () => {
    expect(expectProblem(await create(t.alice, { title: ' ' }), 400).errors?.[0]?.path).toBe('body.title');
    const big = expectProblem(await create(t.alice, { title: 'x', content: 'x'.repeat(200_001) }), 400);
    expect(big.errors?.[0]?.path).toBe('body.content');
  });

  it('project notes reach members; free notes and everything else stay hidden from strangers', async () => {
    const free = (await create(t.alice, { title: 'Private' })).body;
    const team = (await create(t.alice, { title: 'Team', projectId: t.shared.id })).body;
    expectProblem(await t.bob.call(routes.notes.get, byId(free.id)), 404);
    expect((await update(t.bob, team.id, { title: 'Team (edited by Bob)' })).status).toBe(200);
    for (const id of [free.id, team.id]) {
      expectProblem(await t.eve.call(routes.notes.get, byId(id)), 404);
      expectProblem(await update(t.eve, id, { title: 'x' }), 404);
      expectProblem(await t.eve.call(routes.notes.remove, byId(id)), 404);
    }
  });

  it('sends note events to members only', async () => {
    const bobSocket = await t.app.socket(t.bob.token);
    const eveEvents = recordEvents(await t.app.socket(t.eve.token));
    const created = nextEvent(bobSocket, 'note.created');
    const note = (await create(t.alice, { title: 'Live', projectId: t.shared.id })).body;
    expect((await created).id).toBe(note.id);
    const deleted = nextEvent(bobSocket, 'note.deleted');
    await t.alice.call(routes.notes.remove, byId(note.id));
    expect(await deleted).toEqual({ id: note.id, projectId: t.shared.id });
    await settle();
    expect(eveEvents).toEqual([]);
  });
});
