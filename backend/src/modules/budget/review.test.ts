import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';
import { createLine } from './lines/test-lines.ts';
import type { LineInput } from './lines/test-lines.ts';

const t = useTeam();

/** Two lines of the same key: the Vérifier list pairs them. */
const pairOf = async (user: TestUser, vendor: string, extra: [Partial<LineInput>, Partial<LineInput>] = [{}, {}]) => [
  await createLine(user, { vendor, amountCents: 4990, ...extra[0] }),
  await createLine(user, { vendor, amountCents: 4990, ...extra[1] }),
];
const reviewOf = async (user: TestUser) => {
  const res = await user.call(routes.budgetLines.review);
  expect(res.status).toBe(200);
  return res.body.items;
};
const pairIds = (items: Awaited<ReturnType<typeof reviewOf>>) =>
  items.map((i) => [i.line.id, ...i.duplicates.candidates.map((c) => c.id)].sort());

describe('Vérifier: keep both', () => {
  it('requires authentication and names the bad field', async () => {
    const client = t.app.client();
    const ids = { lineId: '6566f0c0a1b2c3d4e5f60718', otherId: '6566f0c0a1b2c3d4e5f60719' };
    expectProblem(await client.call(routes.budgetLines.keepPair, { body: ids }), 401);
    const same = await t.alice.call(routes.budgetLines.keepPair, { body: { ...ids, otherId: ids.lineId } });
    expect(expectProblem(same, 400).errors?.[0]?.path).toBe('body.otherId');
    const bad = await t.alice.call(routes.budgetLines.keepPair, { body: { ...ids, lineId: 'nope' } });
    expect(expectProblem(bad, 400).errors?.[0]?.path).toBe('body.lineId');
  });

  it('never shows a kept pair again, remembered on the server, and tells the owner’s other tabs', async () => {
    const user = await t.app.newUser();
    const [a, b] = await pairOf(user, 'Free Mobile');
    expect(pairIds(await reviewOf(user))).toEqual([[a!.id, b!.id].sort()]);
    const socket = await t.app.socket(user.token);
    const kept = nextEvent(socket, 'budgetPair.kept');
    expect((await user.call(routes.budgetLines.keepPair, { body: { lineId: b!.id, otherId: a!.id } })).status).toBe(204);
    expect(await kept).toEqual({ lineId: b!.id, otherId: a!.id });
    expect(await reviewOf(user)).toEqual([]);
    // A retry changes nothing; a third line of the same key is a new pair, shown with the line it pairs with.
    expect((await user.call(routes.budgetLines.keepPair, { body: { lineId: a!.id, otherId: b!.id } })).status).toBe(204);
    const c = await createLine(user, { vendor: 'Free Mobile', amountCents: 4990 });
    const items = await reviewOf(user);
    expect(items).toHaveLength(1);
    expect(items[0]!.line.id).toBe(c.id);
  });
});

describe('Vérifier: merge', () => {
  it('keeps one line with the fields it lacked from the other, trashes the other; undo puts both back', async () => {
    const user = await t.app.newUser();
    const [keep, other] = await pairOf(user, 'Scaleway', [
      { category: 'Hébergement', notes: '' },
      { category: 'Autre', notes: 'facture 12', invoiceNumber: 'F-12', team: 'sre' },
    ]);
    const socket = await t.app.socket(user.token);
    const updated = nextEvent(socket, 'budgetLine.updated');
    const deleted = nextEvent(socket, 'budgetLine.deleted');
    const res = await user.call(routes.budgetLines.merge, { body: { keepId: keep!.id, removeId: other!.id } });
    expect(res.status).toBe(201);
    expect(res.body.filled.sort()).toEqual(['invoiceNumber', 'notes', 'team']);
    expect(res.body.line).toMatchObject({
      id: keep!.id,
      category: 'Hébergement',
      notes: 'facture 12',
      invoiceNumber: 'F-12',
      team: 'sre',
    });
    expect(await updated).toMatchObject({ id: keep!.id, notes: 'facture 12' });
    expect(await deleted).toEqual({ id: other!.id });
    expectProblem(await user.call(routes.budgetLines.get, byId(other!.id)), 404);
    expect(await reviewOf(user)).toEqual([]);

    const undone = await user.call(routes.budgetLines.undoMerge, byId(res.body.id));
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ id: keep!.id, notes: '', invoiceNumber: '', team: null, category: 'Hébergement' });
    expect((await user.call(routes.budgetLines.get, byId(other!.id))).body).toMatchObject({ notes: 'facture 12' });
    expect(pairIds(await reviewOf(user))).toEqual([[keep!.id, other!.id].sort()]);
    expectProblem(await user.call(routes.budgetLines.undoMerge, byId(res.body.id)), 404);
  });

  it('leaves a field the user edited after the merge as they set it when undone', async () => {
    const user = await t.app.newUser();
    const [keep, other] = await pairOf(user, 'Qonto', [{}, { notes: 'from the bank', label: 'PRLV QONTO' }]);
    const merged = (await user.call(routes.budgetLines.merge, { body: { keepId: keep!.id, removeId: other!.id } })).body;
    await user.call(routes.budgetLines.update, { ...byId(keep!.id), body: { notes: 'mine' } });
    const undone = (await user.call(routes.budgetLines.undoMerge, byId(merged.id))).body;
    expect(undone).toMatchObject({ notes: 'mine', label: '' });
  });
});

describe('Vérifier: isolation between users', () => {
  it("answers 404 to another user's pair, merge and undo, changes nothing and emits nothing", async () => {
    const [a, b] = await pairOf(t.alice, 'Private SAS');
    const bobSocket = await t.app.socket(t.bob.token);
    const aliceSocket = await t.app.socket(t.alice.token);
    const bobReceived = recordEvents(bobSocket);
    const aliceReceived = recordEvents(aliceSocket);
    const mine = await createLine(t.bob, { vendor: 'Private SAS', amountCents: 4990 });

    expectProblem(await t.bob.call(routes.budgetLines.keepPair, { body: { lineId: a!.id, otherId: b!.id } }), 404);
    expectProblem(await t.bob.call(routes.budgetLines.keepPair, { body: { lineId: mine.id, otherId: a!.id } }), 404);
    expectProblem(await t.bob.call(routes.budgetLines.merge, { body: { keepId: mine.id, removeId: a!.id } }), 404);
    expectProblem(await t.bob.call(routes.budgetLines.merge, { body: { keepId: a!.id, removeId: b!.id } }), 404);
    const merged = (await t.alice.call(routes.budgetLines.merge, { body: { keepId: a!.id, removeId: b!.id } })).body;
    await settle();
    aliceReceived.length = 0;
    expectProblem(await t.bob.call(routes.budgetLines.undoMerge, byId(merged.id)), 404);
    await settle();
    expect(bobReceived.filter((e) => e.type !== 'budgetLine.created')).toEqual([]);
    expect(aliceReceived).toEqual([]);
    expectProblem(await t.alice.call(routes.budgetLines.get, byId(b!.id)), 404); // still merged
    expect((await t.bob.call(routes.budgetLines.get, byId(mine.id))).status).toBe(200);
  });
});
