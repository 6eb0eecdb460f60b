import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam();
const search = async (user: TestUser, q: string) =>
  (await user.call(routes.search.search, { query: { q, kinds: 'budget' } })).body.items;

describe('budget search', () => {
  it('finds a line by vendor, label or notes for its owner only, even charged to a shared project', async () => {
    const line = (
      await t.alice.call(routes.budgetLines.create, {
        body: {
          date: '2026-11-10',
          vendor: 'Quokkasoft',
          label: 'licence',
          amountCents: 100,
          notes: 'renouvellement zanzibar',
          projectId: t.shared.id,
        },
      })
    ).body;
    await t.app.server.services.indexer.flush();
    for (const q of ['quokka', 'zanzibar']) {
      expect((await search(t.alice, q)).map((i) => [i.kind, i.id, i.target])).toEqual([
        ['budget', line.id, `/budget?line=${line.id}`],
      ]);
    }
    expect(await search(t.bob, 'zanzibar')).toEqual([]); // Bob is a member of the project, not of the line
  });
});
