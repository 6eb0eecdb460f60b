import { routes } from '@panoramix/contracts';
import type { BudgetLine, RouteQueryInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../../test/harness.ts';
import type { TestUser } from '../../../../test/harness.ts';
import { createLine } from './test-lines.ts';
import type { LineInput } from './test-lines.ts';

const t = useTeam();

const list = async (user: TestUser, query: NonNullable<RouteQueryInput<typeof routes.budgetLines.list>> = {}) => {
  const res = await user.call(routes.budgetLines.list, { query });
  expect(res.status).toBe(200);
  return res.body;
};
const vendorsOf = (items: BudgetLine[]) => items.map((l) => l.vendor);

describe('budget lines', () => {
  it('requires authentication', async () => {
    expectProblem(await t.app.client().call(routes.budgetLines.list), 401);
    expectProblem(
      await t.app.client().call(routes.budgetLines.create, { body: { date: '2026-11-10', vendor: 'x', amountCents: 1 } }),
      401,
    );
  });

  it('creates a line in integer cents with VAT, currency, invoice fields and notes; reads, edits and keeps the key in step', async () => {
    const line = await createLine(t.alice, {
      vendor: '  Atlassian ',
      amountCents: 85050,
      vatCents: 14175,
      currency: 'usd',
      category: 'Logiciels',
      team: 'SRE',
      invoiceNumber: 'A-77',
      notes: 'Jira',
      projectId: t.shared.id,
    });
    expect(line).toMatchObject({
      vendor: 'Atlassian',
      amountCents: 85050,
      vatCents: 14175,
      currency: 'USD',
      team: 'sre',
      department: null,
      source: 'manual',
      projectId: t.shared.id,
    });
    const edited = await t.alice.call(routes.budgetLines.update, {
      ...byId(line.id),
      body: { amountCents: 90000, date: '2026-11-12' },
    });
    expect(edited.body).toMatchObject({ amountCents: 90000, date: '2026-11-12', vendor: 'Atlassian' });
    expect((await t.alice.call(routes.budgetLines.get, byId(line.id))).body.amountCents).toBe(90000);
  });

  it('refuses floats, bad dates, bad currencies and unknown fields, naming the field, and writes nothing', async () => {
    const user = await t.app.newUser();
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await user.call(routes.budgetLines.create, {
        body: { date: '2026-11-10', vendor: 'OVH', amountCents: 100, ...body } as LineInput,
      });
      expect(expectProblem(res, 400).errors?.[0]?.path).toBe(path);
    };
    await bad({ amountCents: 12.5 }, 'body.amountCents');
    await bad({ date: '10/11/2026' }, 'body.date');
    await bad({ date: '2026-02-31x' }, 'body.date');
    await bad({ currency: 'euro' }, 'body.currency');
    await bad({ department: 'sales' }, 'body.department');
    await bad({ vendor: '  ' }, 'body.vendor');
    await bad({ userId: t.bob.id }, 'body');
    expect((await list(user)).items).toEqual([]);
  });

  it('refuses a project the caller is not a member of with 404', async () => {
    expectProblem(
      await t.eve.call(routes.budgetLines.create, {
        body: { date: '2026-11-10', vendor: 'x', amountCents: 1, projectId: t.shared.id },
      }),
      404,
    );
  });

  it('filters by range, vendor, category, team, project, amount and text, and sorts by date or amount with a cursor', async () => {
    const user = await t.app.newUser();
    const project = (await user.call(routes.projects.create, { body: { name: 'Site' } })).body;
    await createLine(user, { date: '2026-10-01', vendor: 'OVH', amountCents: 500, category: 'Infra', team: 'sre' });
    await createLine(user, { date: '2026-11-05', vendor: 'ovh ', amountCents: 1500, category: 'Infra' });
    await createLine(user, {
      date: '2026-11-20',
      vendor: 'Figma',
      amountCents: 4560,
      category: 'Logiciels',
      projectId: project.id,
      notes: 'maquettes',
    });
    await createLine(user, { date: '2026-12-02', vendor: 'Slack', amountCents: -200, label: 'Avoir 50%' });

    expect(vendorsOf((await list(user)).items)).toEqual(['Slack', 'Figma', 'ovh', 'OVH']);
    expect(vendorsOf((await list(user, { from: '2026-11-01', to: '2026-11-30' })).items)).toEqual(['Figma', 'ovh']);
    expect(vendorsOf((await list(user, { vendor: 'OVH' })).items)).toEqual(['ovh', 'OVH']);
    expect(vendorsOf((await list(user, { category: 'Logiciels' })).items)).toEqual(['Figma']);
    expect(vendorsOf((await list(user, { team: 'SRE' })).items)).toEqual(['ovh', 'OVH']); // the second inherited the vendor's team
    expect(vendorsOf((await list(user, { projectId: project.id })).items)).toEqual(['Figma']);
    expect(vendorsOf((await list(user, { minCents: 0, maxCents: 1500 })).items)).toEqual(['ovh', 'OVH']);
    expect(vendorsOf((await list(user, { q: 'MAQUETTE' })).items)).toEqual(['Figma']);
    expect(vendorsOf((await list(user, { q: '50%' })).items)).toEqual(['Slack']);
    expect(vendorsOf((await list(user, { q: '.*' })).items)).toEqual([]);

    const first = await list(user, { sort: 'amount-desc', limit: 2 });
    expect(vendorsOf(first.items)).toEqual(['Figma', 'ovh']);
    const second = await list(user, { sort: 'amount-desc', limit: 2, cursor: first.nextCursor! });
    expect(vendorsOf(second.items)).toEqual(['OVH', 'Slack']);
    expect(second.nextCursor).toBeNull();
    const byDate = await list(user, { sort: 'date-asc', limit: 3 });
    expect(vendorsOf(byDate.items)).toEqual(['OVH', 'ovh', 'Figma']);
    expect(vendorsOf((await list(user, { sort: 'date-asc', cursor: byDate.nextCursor! })).items)).toEqual(['Slack']);
  });

  it('bulk-edits the category, team or department of a selection, leaving out lines that are not mine', async () => {
    const a = await createLine(t.alice, { vendor: 'Bulk A' });
    const b = await createLine(t.alice, { vendor: 'Bulk B', department: 'product' });
    const bobs = await createLine(t.bob, { vendor: 'Bob line' });
    const res = await t.alice.call(routes.budgetLines.bulkEdit, {
      body: { ids: [a.id, b.id, bobs.id], set: { category: 'Cloud', team: 'data' } },
    });
    expect(res.body).toEqual({ count: 2 });
    for (const id of [a.id, b.id]) {
      expect((await t.alice.call(routes.budgetLines.get, byId(id))).body).toMatchObject({
        category: 'Cloud',
        team: 'data',
        department: 'tech',
      });
    }
    expect((await t.bob.call(routes.budgetLines.get, byId(bobs.id))).body).toMatchObject({ category: '', team: null });
    expectProblem(await t.alice.call(routes.budgetLines.bulkEdit, { body: { ids: [a.id], set: {} } }), 400);
  });

  it('deletes a line and restores it; ignore=true lists it for imports until it is restored', async () => {
    const line = await createLine(t.alice, { vendor: 'Undo me', amountCents: 777 });
    expect((await t.alice.call(routes.budgetLines.remove, { ...byId(line.id), query: { ignore: 'true' } })).status).toBe(204);
    expectProblem(await t.alice.call(routes.budgetLines.get, byId(line.id)), 404);
    const ignores = (await t.alice.call(routes.budgetVendors.ignores)).body.items;
    expect(ignores.filter((i) => i.type === 'line' && i.vendorName === 'Undo me')).toHaveLength(1);

    const restored = await t.alice.call(routes.budgetLines.restore, byId(line.id));
    expect(restored.body).toMatchObject({ id: line.id, vendor: 'Undo me', amountCents: 777, createdAt: line.createdAt });
    expect((await t.alice.call(routes.budgetVendors.ignores)).body.items.filter((i) => i.vendorName === 'Undo me')).toEqual([]);
    expectProblem(await t.alice.call(routes.budgetLines.restore, byId(line.id)), 404); // nothing left to restore
  });

  it('new lines inherit the department and team of the vendor; an explicit value wins', async () => {
    const user = await t.app.newUser();
    await createLine(user, { vendor: 'Datadog', team: 'sre', department: 'tech' });
    expect(await createLine(user, { vendor: 'DATADOG' })).toMatchObject({ team: 'sre', department: 'tech' });
    expect(await createLine(user, { vendor: 'Datadog', department: 'other' })).toMatchObject({ department: 'other', team: null });
  });
});

describe('Vérifier: possible duplicates', () => {
  it("answers the cascade's first match for a line, and lists the likely pairs", async () => {
    const user = await t.app.newUser();
    const a = await createLine(user, { vendor: 'Garage', amountCents: 3000, date: '2026-11-10' });
    const part1 = await createLine(user, { vendor: 'Garage', amountCents: 1000, date: '2026-11-09' });
    const part2 = await createLine(user, { vendor: 'garage', amountCents: 2000, date: '2026-11-11' });
    const inv1 = await createLine(user, { vendor: 'OVH', amountCents: 100, invoiceNumber: 'F-1', date: '2026-10-01' });
    const inv2 = await createLine(user, { vendor: 'OVH SAS', amountCents: 120, invoiceNumber: 'f-1', date: '2026-10-15' });
    await createLine(user, { vendor: 'Alone', amountCents: 1 });

    const sum = (await user.call(routes.budgetLines.duplicates, byId(a.id))).body;
    expect(sum.matchKind).toBe('sumVendorDate');
    expect(sum.candidates.map((c) => c.id).sort()).toEqual([part1.id, part2.id].sort());
    expect((await user.call(routes.budgetLines.duplicates, byId(inv2.id))).body).toMatchObject({
      matchKind: 'invoiceNumber',
      candidates: [{ id: inv1.id }],
    });

    const review = (await user.call(routes.budgetLines.review)).body.items;
    expect(review.map((r) => [r.line.vendor, r.duplicates.matchKind])).toEqual([
      ['Garage', 'sumVendorDate'],
      ['OVH SAS', 'invoiceNumber'],
    ]);
  });
});

describe('isolation between users', () => {
  it("answers 404 on every route for another user's line and leaves it untouched", async () => {
    const line = await createLine(t.alice, { vendor: 'Private', amountCents: 4242 });
    expectProblem(await t.bob.call(routes.budgetLines.get, byId(line.id)), 404);
    expectProblem(await t.bob.call(routes.budgetLines.update, { ...byId(line.id), body: { vendor: 'Hijacked' } }), 404);
    expectProblem(await t.bob.call(routes.budgetLines.remove, byId(line.id)), 404);
    expectProblem(await t.bob.call(routes.budgetLines.duplicates, byId(line.id)), 404);
    expect((await t.bob.call(routes.budgetLines.bulkEdit, { body: { ids: [line.id], set: { category: 'x' } } })).body).toEqual({
      count: 0,
    });
    expect((await list(t.bob)).items.find((l) => l.id === line.id)).toBeUndefined();
    await t.alice.call(routes.budgetLines.remove, byId(line.id));
    expectProblem(await t.bob.call(routes.budgetLines.restore, byId(line.id)), 404);
    expect((await t.alice.call(routes.budgetLines.restore, byId(line.id))).body).toMatchObject({
      vendor: 'Private',
      category: '',
    });
  });

  it('sends budget events to the owner only', async () => {
    const aliceSocket = await t.app.socket(t.alice.token);
    const bobSocket = await t.app.socket(t.bob.token);
    const bobReceived = recordEvents(bobSocket);
    const created = nextEvent(aliceSocket, 'budgetLine.created');
    const line = await createLine(t.alice, { vendor: 'Live' });
    expect(await created).toMatchObject({ id: line.id, vendor: 'Live' });
    const updated = nextEvent(aliceSocket, 'budgetLine.updated');
    await t.alice.call(routes.budgetLines.update, { ...byId(line.id), body: { notes: 'n' } });
    expect((await updated).notes).toBe('n');
    const changed = nextEvent(aliceSocket, 'budgetLines.changed');
    await t.alice.call(routes.budgetLines.bulkEdit, { body: { ids: [line.id], set: { category: 'c' } } });
    expect(await changed).toEqual({ reason: 'bulk', count: 1 });
    const deleted = nextEvent(aliceSocket, 'budgetLine.deleted');
    await t.alice.call(routes.budgetLines.remove, byId(line.id));
    expect(await deleted).toEqual({ id: line.id });
    await settle();
    expect(bobReceived).toEqual([]);
  });
});
