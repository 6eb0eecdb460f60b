import { routes } from '@panoramix/contracts';
import type { RouteQueryInput } from '@panoramix/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam();

/**
 * A fixture with totals computed by hand below. The summaries run one $match and one $group
 * (single key, or month × vendor); the test database is FerretDB, `MONGODB_URI` runs the same
 * file on MongoDB.
 */
const fixture = [
  { date: '2026-10-30', vendor: 'OVH', amountCents: 1_000, vatCents: 200, team: 'sre', category: 'Infra' },
  { date: '2026-11-01', vendor: 'OVH', amountCents: 2_550, vatCents: 425, team: 'sre', category: 'Infra' },
  { date: '2026-11-15', vendor: 'ovh ', amountCents: 99, vatCents: null, team: 'sre', category: 'Infra' },
  { date: '2026-11-20', vendor: 'Figma', amountCents: 4_560, vatCents: 760, team: 'data', category: 'Logiciels' },
  { date: '2026-12-01', vendor: 'Figma', amountCents: -560, vatCents: -93, team: null, category: 'Logiciels' },
  { date: '2026-12-31', vendor: 'Slack', amountCents: 12_345, vatCents: 2_057, team: null, category: '' },
];
let user: TestUser;
let projectId: string;

beforeAll(async () => {
  user = await t.app.newUser();
  projectId = (await user.call(routes.projects.create, { body: { name: 'Budget' } })).body.id;
  for (const [i, line] of fixture.entries()) {
    const res = await user.call(routes.budgetLines.create, { body: { ...line, ...(i === 3 ? { projectId } : {}) } });
    expect(res.status).toBe(201);
  }
});

const summary = async (query: RouteQueryInput<typeof routes.budgetSummary.summary>, who = user) => {
  const res = await who.call(routes.budgetSummary.summary, { query });
  expect(res.status).toBe(200);
  return res.body;
};
const rows = (body: Awaited<ReturnType<typeof summary>>) =>
  body.rows.map((r) => [r.month, r.key, r.totalCents, r.vatCents, r.count]);

describe('budget summaries', () => {
  it('by month × vendor (two keys), vendors grouped case- and space-insensitively', async () => {
    const body = await summary({ by: 'month-vendor' });
    expect(rows(body)).toEqual([
      ['2026-10', 'OVH', 1_000, 200, 1],
      ['2026-11', 'Figma', 4_560, 760, 1],
      ['2026-11', 'OVH', 2_649, 425, 2],
      ['2026-12', 'Slack', 12_345, 2_057, 1],
      ['2026-12', 'Figma', -560, -93, 1],
    ]);
    expect(body).toMatchObject({ totalCents: 19_994, count: 6 });
  });

  it('by vendor, team, category, project and month (one key), over a date range', async () => {
    const range = { from: '2026-11-01', to: '2026-12-01' };
    expect(rows(await summary({ by: 'vendor', ...range }))).toEqual([
      [null, 'Figma', 4_000, 667, 2],
      [null, 'OVH', 2_649, 425, 2],
    ]);
    expect(rows(await summary({ by: 'team' }))).toEqual([
      [null, null, 11_785, 1_964, 2],
      [null, 'data', 4_560, 760, 1],
      [null, 'sre', 3_649, 625, 3],
    ]);
    expect(rows(await summary({ by: 'category', from: '2026-11-01' }))).toEqual([
      [null, null, 12_345, 2_057, 1],
      [null, 'Logiciels', 4_000, 667, 2],
      [null, 'Infra', 2_649, 425, 2],
    ]);
    expect(rows(await summary({ by: 'project' }))).toEqual([
      [null, null, 15_434, 2_589, 5],
      [null, projectId, 4_560, 760, 1],
    ]);
    expect(rows(await summary({ by: 'month', to: '2026-11-30' }))).toEqual([
      ['2026-10', null, 1_000, 200, 1],
      ['2026-11', null, 7_209, 1_185, 3],
    ]);
  });

  it("never counts another user's lines", async () => {
    expect(await summary({ by: 'vendor' }, t.bob)).toEqual({ by: 'vendor', rows: [], totalCents: 0, count: 0 });
  });

  it('refuses an unknown grouping or a malformed day, naming the field', async () => {
    const bad = await user.call(routes.budgetSummary.summary, { query: { by: 'week' as 'month' } });
    expect(expectProblem(bad, 400).errors?.[0]?.path).toBe('query.by');
    const day = await user.call(routes.budgetSummary.summary, { query: { by: 'month', from: '2026-13-01' } });
    expect(expectProblem(day, 400).errors?.[0]?.path).toBe('query.from');
  });
});
