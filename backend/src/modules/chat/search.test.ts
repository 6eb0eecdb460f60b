import { routes } from '@panoramix/contracts';
import type { RouteQueryInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { SearchEntryModel } from '../../ml/index/entries.ts';
import { byId, expectProblem, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam();
/** Runs the indexing worker now rather than waiting for the job's next turn. */
const indexed = () => t.app.server.services.indexer.flush();

let sequence = 0;
const send = async (user: TestUser, roomId: string, text: string) => {
  const res = await user.call(routes.messages.send, { ...byId(roomId), body: { clientId: `search-${++sequence}-id`, text } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const group = async (owner: TestUser, name: string, members: TestUser[]) =>
  (await owner.call(routes.rooms.create, { body: { type: 'group', name, memberIds: members.map((m) => m.id) } })).body.id;
type SearchQuery = RouteQueryInput<typeof routes.search.search>;
const hits = async (user: TestUser, query: SearchQuery) => {
  const res = await user.call(routes.search.search, { query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
};
const messageIds = async (user: TestUser, query: SearchQuery) =>
  (await hits(user, query)).filter((hit) => hit.kind === 'message').map((hit) => hit.id);

describe('chat messages in search', () => {
  it('members find a message by a word and by a paraphrase, titled by room and sender, opening the room at it', async () => {
    const roomId = await group(t.alice, 'Offsite crew', [t.bob]);
    const budget = await send(t.alice, roomId, 'Planning the budget for next quarter: hiring costs, cloud spending and travel.');
    await send(t.bob, roomId, 'Plant tomatoes in May, water the roses every evening, prune the apple tree.');
    await send(t.bob, roomId, 'Change the tyres before winter and check the brakes at the garage.');
    await indexed();

    for (const member of [t.alice, t.bob]) {
      const [hit] = await hits(member, { q: 'quarter' });
      expect(hit).toMatchObject({
        kind: 'message',
        id: budget.id,
        title: `Offsite crew · ${t.alice.username}`,
        target: `/chat/${roomId}?message=${budget.id}`,
      });
      expect(hit!.snippet).toContain('budget for next quarter');
    }
    // No keyword in common with "how much…": only the vector side finds it.
    expect((await messageIds(t.bob, { q: 'how much will we spend on hiring and travel' }))[0]).toBe(budget.id);
  });

  it('titles a direct room with both people, so it reads right for each of them', async () => {
    const roomId = (await t.alice.call(routes.rooms.create, { body: { type: 'direct', memberIds: [t.bob.id] } })).body.id;
    const message = await send(t.bob, roomId, 'The quokka photos are ready');
    await indexed();
    const [hit] = await hits(t.alice, { q: 'quokka' });
    expect(hit).toMatchObject({ id: message.id, title: `${t.bob.username} → ${t.alice.username}` });
    expect((await hits(t.bob, { q: 'quokka' }))[0]?.id).toBe(message.id);
  });

  it('a non-member never finds a room message, whatever the query names', async () => {
    const roomId = await group(t.alice, 'Xenon room', [t.bob]);
    await send(t.alice, roomId, 'xenon lamps for the stage');
    await indexed();
    expect(await messageIds(t.alice, { q: 'xenon' })).toHaveLength(1);
    expect(await hits(t.eve, { q: 'xenon' })).toEqual([]);
    expect(await hits(t.eve, { q: 'xenon', kinds: 'message' })).toEqual([]);
    expect(await hits(t.eve, { q: 'xenon lamps stage', kinds: 'message,note', limit: 50 })).toEqual([]);
    // Naming a project narrows to that project: someone else's answers 404, one's own holds no message.
    expectProblem(await t.eve.call(routes.search.search, { query: { q: 'xenon', projectId: t.shared.id } }), 404);
    const own = (await t.eve.call(routes.projects.create, { body: { name: 'Eve project' } })).body.id;
    expect(await hits(t.eve, { q: 'xenon', projectId: own, kinds: 'message' })).toEqual([]);
    // Members too: a project filter is not a room.
    expect(await hits(t.bob, { q: 'xenon', projectId: t.shared.id })).toEqual([]);
  });

  it('a member who is removed or leaves stops finding the room at once; the others still do', async () => {
    const carol = await t.app.newUser();
    const roomId = await group(t.alice, 'Yodel club', [t.bob, carol]);
    await send(t.alice, roomId, 'yodel practice on Friday');
    await indexed();
    expect(await messageIds(t.bob, { q: 'yodel' })).toHaveLength(1);
    expect(await messageIds(carol, { q: 'yodel' })).toHaveLength(1);

    const removeMember = (user: TestUser, userId: string) =>
      user.call(routes.rooms.removeMember, { params: { id: roomId, userId } });
    expect((await removeMember(t.alice, t.bob.id)).status).toBe(200);
    expect(await hits(t.bob, { q: 'yodel' })).toEqual([]);
    expect((await removeMember(carol, carol.id)).status).toBe(200);
    expect(await hits(carol, { q: 'yodel' })).toEqual([]);

    // Leaving is not deleting: nothing was purged for those who stay.
    await indexed();
    expect(await messageIds(t.alice, { q: 'yodel' })).toHaveLength(1);
  });

  it('an edited message is found by its new text only; a deleted one is not found', async () => {
    const roomId = await group(t.alice, 'Edits', [t.bob]);
    const message = await send(t.alice, roomId, 'meet at the walrus statue');
    await indexed();
    expect(await messageIds(t.bob, { q: 'walrus' })).toEqual([message.id]);

    const edited = await t.alice.call(routes.messages.edit, {
      ...byId(message.id),
      body: { text: 'meet at the narwhal fountain' },
    });
    expect(edited.status).toBe(200);
    await indexed();
    expect(await messageIds(t.bob, { q: 'walrus' })).toEqual([]);
    expect(await messageIds(t.bob, { q: 'narwhal' })).toEqual([message.id]);

    expect((await t.alice.call(routes.messages.remove, byId(message.id))).status).toBe(200);
    await indexed();
    expect(await messageIds(t.bob, { q: 'narwhal' })).toEqual([]);
    expect(await SearchEntryModel.countDocuments({ kind: 'message', itemId: message.id }).setOptions({ tenancy: 'system' })).toBe(
      0,
    );
  });

  it('a deleted room is purged from the index', async () => {
    const roomId = await group(t.alice, 'Short-lived', [t.bob]);
    await send(t.alice, roomId, 'zucchini soup recipe');
    await send(t.bob, roomId, 'zucchini bread too');
    await indexed();
    const entries = () => SearchEntryModel.countDocuments({ scope: `room:${roomId}` }).setOptions({ tenancy: 'system' });
    expect(await entries()).toBe(2);

    expect((await t.alice.call(routes.rooms.remove, byId(roomId))).status).toBe(202);
    expect(await hits(t.bob, { q: 'zucchini' })).toEqual([]);
    await indexed();
    expect(await entries()).toBe(0);
  });

  it('limits the results and filters by kind', async () => {
    const roomId = await group(t.alice, 'Many', [t.bob]);
    for (let i = 0; i < 5; i++) await send(t.alice, roomId, `pelican count ${i}`);
    await t.bob.call(routes.notes.create, { body: { title: 'Pelican notes', content: 'seen on the pier' } });
    await indexed();
    expect(await hits(t.bob, { q: 'pelican', limit: 3 })).toHaveLength(3);
    expect(await messageIds(t.bob, { q: 'pelican', kinds: 'message' })).toHaveLength(5);
    expect((await hits(t.bob, { q: 'pelican', kinds: 'note' })).map((hit) => hit.kind)).toEqual(['note']);
  });
});
