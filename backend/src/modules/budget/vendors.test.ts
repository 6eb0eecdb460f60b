import { routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam();

const createLine = async (user: TestUser, body: Partial<RouteBodyInput<typeof routes.budgetLines.create>>) =>
  (await user.call(routes.budgetLines.create, { body: { date: '2026-11-10', vendor: 'OVH', amountCents: 100, ...body } })).body;
const get = async (user: TestUser, id: string) => (await user.call(routes.budgetLines.get, byId(id))).body;

describe('vendor rules', () => {
  it('a team set on a vendor reaches its lines that are not parked and means tech; new lines inherit it', async () => {
    const user = await t.app.newUser();
    const a = await createLine(user, { vendor: 'Datadog' });
    const b = await createLine(user, { vendor: 'DATADOG ', department: 'product' });
    const parked = await createLine(user, { vendor: 'datadog', department: 'parked' });
    const other = await createLine(user, { vendor: 'Sentry' });
    expect((await user.call(routes.budgetVendors.setRule, { body: { vendor: 'Datadog', team: 'SRE' } })).body).toEqual({
      count: 2,
    });
    for (const id of [a.id, b.id]) expect(await get(user, id)).toMatchObject({ team: 'sre', department: 'tech' });
    expect(await get(user, parked.id)).toMatchObject({ department: 'parked', team: null });
    expect(await get(user, other.id)).toMatchObject({ department: null, team: null });
    expect(await createLine(user, { vendor: 'datadog' })).toMatchObject({ team: 'sre', department: 'tech' });
  });

  it('parking a vendor parks its lines and removes their team', async () => {
    const user = await t.app.newUser();
    const line = await createLine(user, { vendor: 'Figma', team: 'data', department: 'tech' });
    await user.call(routes.budgetVendors.setRule, { body: { vendor: 'figma', department: 'parked' } });
    expect(await get(user, line.id)).toMatchObject({ department: 'parked', team: null });
  });

  it('renames a vendor on every line, merging two spellings; the list shows one vendor with its total', async () => {
    const user = await t.app.newUser();
    await createLine(user, { vendor: 'Amazon.fr', amountCents: 1000 });
    await createLine(user, { vendor: 'AMAZON EU', amountCents: 250 });
    await createLine(user, { vendor: 'Amazon', amountCents: 5, team: 'cto' });
    expect((await user.call(routes.budgetVendors.rename, { body: { from: 'amazon.fr', to: 'Amazon' } })).body).toEqual({
      count: 1,
    });
    await user.call(routes.budgetVendors.rename, { body: { from: 'Amazon EU', to: 'Amazon' } });
    const vendors = (await user.call(routes.budgetVendors.list)).body.items;
    expect(vendors).toEqual([{ vendor: 'Amazon', lineCount: 3, totalCents: 1255, department: null, team: null }]);
    const lines = (await user.call(routes.budgetLines.list, { query: { vendor: 'amazon' } })).body.items;
    expect(lines.map((l) => l.vendor)).toEqual(['Amazon', 'Amazon', 'Amazon']);
  });

  it('lists, adds and removes ignored vendors', async () => {
    const user = await t.app.newUser();
    const entry = (await user.call(routes.budgetVendors.ignore, { body: { vendorName: 'Netflix' } })).body;
    expect(entry).toMatchObject({ type: 'vendor', vendorName: 'Netflix' });
    expect((await user.call(routes.budgetVendors.ignores)).body.items.map((i) => i.id)).toEqual([entry.id]);
    expectProblem(await t.bob.call(routes.budgetVendors.unignore, byId(entry.id)), 404);
    expect((await user.call(routes.budgetVendors.unignore, byId(entry.id))).status).toBe(204);
    expect((await user.call(routes.budgetVendors.ignores)).body.items).toEqual([]);
  });

  it("another user's rules, renames and lists never touch my lines", async () => {
    const line = await createLine(t.alice, { vendor: 'Shared name' });
    expect((await t.bob.call(routes.budgetVendors.setRule, { body: { vendor: 'Shared name', team: 'pony' } })).body).toEqual({
      count: 0,
    });
    expect((await t.bob.call(routes.budgetVendors.rename, { body: { from: 'Shared name', to: 'Stolen' } })).body).toEqual({
      count: 0,
    });
    expect(await get(t.alice, line.id)).toMatchObject({ vendor: 'Shared name', team: null });
    expect((await t.bob.call(routes.budgetVendors.list)).body.items.find((v) => v.vendor === 'Shared name')).toBeUndefined();
  });
});
