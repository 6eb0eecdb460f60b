import { readFileSync } from 'node:fs';
import path from 'node:path';
import { budgetSummaryGroups, routes } from '@panoramix/contracts';
import type { BudgetLine } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, uploadFile, useTeam } from '../../../../test/harness.ts';
import type { TestUser } from '../../../../test/harness.ts';
import { summarize, summarizeLines } from '../summary.ts';
import { Types } from 'mongoose';
import { allKeys, changeKeys } from './keys.ts';
import type { KeyEntry } from './keys.ts';
import { BudgetSumsModel } from './model.ts';
import { keysOfLines, rebuildBooks, sumsByAggregation } from './rebuild.ts';
import { readSums } from './sums.ts';
import type { MonthSums } from './sums.ts';

const t = useTeam();

/** Stored totals without what every write leaves behind: ids, and groups whose lines all went. */
function comparable(months: Map<string, MonthSums>) {
  const kept = [...months].flatMap(([month, { total, vendor, team, category, project }]) => {
    if (!total.n) return [];
    const live = (groups: MonthSums['vendor']) => Object.fromEntries(Object.entries(groups).filter(([, tally]) => tally.n));
    const tally = ({ c = 0, v = 0, n = 0 }: Partial<MonthSums['total']>) => ({ c, v, n });
    const tallies = (groups: MonthSums['vendor']) =>
      Object.fromEntries(Object.entries(live(groups)).map(([name, value]) => [name, tally(value)]));
    return [
      [
        month,
        {
          total: tally(total),
          vendor: tallies(vendor),
          team: tallies(team),
          category: tallies(category),
          project: tallies(project),
        },
      ] as const,
    ];
  });
  return new Map(kept.sort(([a], [b]) => a.localeCompare(b)));
}

/** The books the writes kept equal the books rebuilt from the lines, and every summary equals the aggregation's. */
async function expectBooksInStep(user: TestUser, step: string) {
  const actor = { id: user.id, username: user.username, role: 'user' as const };
  expect(comparable(await readSums(user.id)), `${step}: totals`).toEqual(comparable(await sumsByAggregation(user.id)));
  expect(await allKeys(user.id), `${step}: keys`).toEqual((await keysOfLines(user.id)).byYear);
  for (const by of budgetSummaryGroups) {
    expect(await summarize(actor, { by }), `${step}: summary by ${by}`).toEqual(await summarizeLines(actor, { by }));
  }
}

const fixture = readFileSync(path.join(import.meta.dirname, '../fixtures/ofx-with-fitid.ofx'));

async function importOfx(user: TestUser) {
  const { body } = await uploadFile(user, { name: 'releve.ofx', bytes: fixture }, {}, '/api/budget/imports');
  await user.call(routes.budgetImports.apply, { ...byId(body.id), body: {} });
  await expect
    .poll(async () => (await user.call(routes.budgetImports.get, byId(body.id))).body.status, { timeout: 15_000 })
    .toBe('done');
  return body.id as string;
}

describe('budget books', () => {
  it('stay equal to the lines through creates, edits, bulk edits, deletes, restores, vendor rules, renames, imports and their undo', async () => {
    const user = await t.app.newUser();
    const project = (await user.call(routes.projects.create, { body: { name: 'Books' } })).body.id;
    const create = async (body: Partial<BudgetLine>) =>
      (
        await user.call(routes.budgetLines.create, {
          body: { date: '2026-11-10', vendor: 'OVH', amountCents: 1_000, ...body } as never,
        })
      ).body as BudgetLine;
    const ovh = await create({ vatCents: 200, team: 'sre', category: 'Infra' });
    const amazon = await create({ vendor: 'Amazon', amountCents: 5_999, projectId: project }); // the bank's FIT-0003 reconciles it
    const figma = await create({ date: '2026-10-31', vendor: 'Figma', amountCents: 4_560, vatCents: null });
    await expectBooksInStep(user, 'created');

    await user.call(routes.budgetLines.update, {
      ...byId(figma.id),
      body: { date: '2026-12-01', amountCents: 4_000, vendor: 'FIGMA' },
    });
    await expectBooksInStep(user, 'edited across months');

    await user.call(routes.budgetLines.bulkEdit, {
      body: { ids: [ovh.id, figma.id], set: { category: 'Logiciels', team: 'data' } },
    });
    await expectBooksInStep(user, 'bulk-edited');

    const importId = await importOfx(user);
    expect((await user.call(routes.budgetLines.get, byId(amazon.id))).body.reconciledAt).not.toBeNull();
    await expectBooksInStep(user, 'imported, one line reconciled');

    await user.call(routes.budgetLines.remove, byId(ovh.id));
    await expectBooksInStep(user, 'deleted');
    await user.call(routes.budgetLines.restore, byId(ovh.id));
    await expectBooksInStep(user, 'restored');

    await user.call(routes.budgetVendors.setRule, { body: { vendor: 'ovh', team: 'cto' } });
    await user.call(routes.budgetVendors.rename, { body: { from: 'CAFE DU PORT', to: 'Café du Port' } });
    await expectBooksInStep(user, 'vendor rule and rename');

    // Vérifier: the kept line takes the other's category and team, and gives them back when undone.
    const bare = await create({ date: '2026-09-02', vendor: 'Notion', amountCents: 800 });
    const filed = await create({ date: '2026-09-03', vendor: 'Notion', amountCents: 800, team: 'ops', category: 'Outils' });
    const merged = await user.call(routes.budgetLines.merge, { body: { keepId: bare.id, removeId: filed.id } });
    expect(merged.body.filled).toEqual(expect.arrayContaining(['team', 'category']));
    await expectBooksInStep(user, 'merged');
    await user.call(routes.budgetLines.undoMerge, byId(merged.body.id));
    await expectBooksInStep(user, 'merge undone');

    await user.call(routes.budgetImports.undo, byId(importId));
    await expectBooksInStep(user, 'import undone');
    expect(await importOfx(user)).toBeTruthy(); // its keys went with it: the file imports again
    await expectBooksInStep(user, 'imported again');
  }, 120_000); // some twenty writes, each compared with a rebuild

  it('are rebuilt from the lines after a write lost them (a crash between a line and its books)', async () => {
    const user = await t.app.newUser();
    await importOfx(user);
    const owner = new Types.ObjectId(user.id);
    await BudgetSumsModel.collection.deleteMany({ userId: owner });
    await changeKeys(
      user.id,
      new Map([['2026', new Map([[String(new Types.ObjectId()), [0, 'FIT-0009', 'gone'] as KeyEntry]])]]),
    );
    await rebuildBooks(user.id);
    await expectBooksInStep(user, 'rebuilt');
  });
});
