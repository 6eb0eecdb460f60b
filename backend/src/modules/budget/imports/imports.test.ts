import { readFileSync } from 'node:fs';
import path from 'node:path';
import { routes } from '@panoramix/contracts';
import type { BudgetImport, BudgetLine } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, recordEvents, settle, uploadFile, useTeam } from '../../../../test/harness.ts';
import type { TestUser } from '../../../../test/harness.ts';

const t = useTeam();

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures', name));
const upload = (user: TestUser, name: string, bytes: Buffer | string = fixture(name)) =>
  uploadFile(user, { name, bytes }, {}, '/api/budget/imports');

async function preview(user: TestUser, name: string, bytes?: Buffer | string): Promise<BudgetImport> {
  const res = await upload(user, name, bytes);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Applies an import and waits for its job to finish, as the web page does through its events. */
async function applied(user: TestUser, id: string, body = {}) {
  const res = await user.call(routes.budgetImports.apply, { ...byId(id), body });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  await expect
    .poll(async () => (await user.call(routes.budgetImports.get, byId(id))).body.status, { timeout: 15_000 })
    .toMatch(/done|failed/);
  return (await user.call(routes.budgetImports.get, byId(id))).body;
}

const lines = async (user: TestUser, query = {}) =>
  (await user.call(routes.budgetLines.list, { query: { limit: 200, sort: 'date-asc', ...query } })).body.items as BudgetLine[];

describe('budget imports', () => {
  it('requires authentication', async () => {
    expectProblem(await t.app.client().call(routes.budgetImports.list), 401);
  });

  it('previews a CSV: encoding, delimiter, formats, guessed mapping and the first lines; nothing is imported yet', async () => {
    const user = await t.app.newUser();
    const imp = await preview(user, 'bnp-export-semicolon-cp1252.csv');
    expect(imp).toMatchObject({
      status: 'preview',
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      dateFormat: 'dmy',
      decimalSeparator: ',',
      headers: ['Date opération', 'Libellé', 'Débit', 'Crédit', 'Référence'],
      mapping: { date: 0, label: 1, debit: 2, credit: 3, id: 4 },
      mappingRemembered: false,
      rowCount: 6,
    });
    expect(imp.preview[0]).toEqual({
      date: '2026-11-03',
      vendor: 'PRLV SEPA OVH SAS',
      label: 'PRLV SEPA OVH SAS',
      amountCents: 123456,
    });
    expect(await lines(user)).toEqual([]);
  });
});

describe('applying an import', () => {
  it('imports as a job with progress events, skips repeats, reports unreadable rows with samples, and remembers the mapping', async () => {
    const user = await t.app.newUser();
    const socket = await t.app.socket(user.token);
    const events: BudgetImport[] = [];
    socket.on('budgetImport.updated', (data: BudgetImport) => events.push(data));
    const first = await preview(user, 'bnp-export-semicolon-cp1252.csv');
    const done = await applied(user, first.id);
    expect(done.report).toMatchObject({
      imported: 4,
      duplicates: 1,
      unparseable: 1,
      samples: {
        duplicates: [{ row: 5, text: '2026-11-05 | CB CAFÉ DU PORT 04/11 | 4.50', reason: 'repeated in this file' }],
        unparseable: [{ row: 7, reason: 'no readable date' }],
      },
    });
    await expect.poll(() => events.map((e) => e.status)).toContain('done');
    expect(events.some((e) => e.status === 'running' || e.progress.done > 0)).toBe(true);
    const imported = await lines(user);
    expect(imported.map((l) => [l.date, l.amountCents])).toEqual([
      ['2026-11-03', 123456],
      ['2026-11-05', 450],
      ['2026-11-07', -250000],
      ['2026-11-10', 8990],
    ]);
    expect(imported[0]).toMatchObject({ source: 'import', importId: first.id, importFile: 'bnp-export-semicolon-cp1252.csv' });

    const again = await preview(user, 'bnp-export-semicolon-cp1252.csv');
    expect(again.mappingRemembered).toBe(true);
    expect((await applied(user, again.id)).report).toMatchObject({ imported: 0, duplicates: 5 });
    expectProblem(await user.call(routes.budgetImports.apply, { ...byId(again.id), body: {} }), 409); // applied once
  });

  it('applies the mapping the user adjusted, and offers it for the next file of that shape', async () => {
    const user = await t.app.newUser();
    const imp = await preview(user, 'tab-invoices-latest-french-date.csv');
    const mapping = { ...imp.mapping!, vendor: 2, label: 1 }; // the user swaps vendor and label
    await applied(user, imp.id, { mapping });
    expect((await lines(user)).map((l) => l.vendor)).toEqual(['Facture du 28/10/2026 payée le 02/11/2026', 'Jira']);
    const next = await preview(user, 'tab-invoices-latest-french-date.csv');
    expect(next).toMatchObject({ mappingRemembered: true, mapping: { vendor: 2, label: 1 } });
  });

  it('undoes a whole batch; the same file then imports again', async () => {
    const user = await t.app.newUser();
    const imp = await preview(user, 'ofx-with-fitid.ofx');
    expect((await applied(user, imp.id)).report).toMatchObject({ imported: 4, duplicates: 0 }); // two coffees, two FITIDs
    const undone = await user.call(routes.budgetImports.undo, byId(imp.id));
    expect(undone.body.status).toBe('undone');
    expect(await lines(user)).toEqual([]);
    expectProblem(await user.call(routes.budgetImports.undo, byId(imp.id)), 409);
    expect((await applied(user, (await preview(user, 'ofx-with-fitid.ofx')).id)).report).toMatchObject({ imported: 4 });
  });

  it('reconciles a line entered by hand with the bank line two days later: the bank date wins; undo gives it back', async () => {
    const user = await t.app.newUser();
    const manual = (
      await user.call(routes.budgetLines.create, {
        body: { date: '2026-11-10', vendor: 'Amazon', amountCents: 5999, notes: 'clavier' },
      })
    ).body;
    const imp = await preview(user, 'ofx-with-fitid.ofx');
    expect((await applied(user, imp.id)).report).toMatchObject({ imported: 3, reconciled: 1 });
    const after = (await user.call(routes.budgetLines.get, byId(manual.id))).body;
    expect(after).toMatchObject({
      date: '2026-11-12',
      vendor: 'Amazon',
      notes: 'clavier',
      sourceRef: 'FIT-0003',
      reconciledAt: expect.any(String),
    });
    expect((await lines(user, { vendor: 'AMAZON PAYMENTS' })).length).toBe(0); // not duplicated
    await user.call(routes.budgetImports.undo, byId(imp.id));
    expect((await user.call(routes.budgetLines.get, byId(manual.id))).body).toMatchObject({
      date: '2026-11-10',
      sourceRef: '',
      reconciledAt: null,
    });
  });

  it('imports again a deleted line, unless it was deleted with ignore, or its vendor is ignored', async () => {
    const user = await t.app.newUser();
    await applied(user, (await preview(user, 'qif-us-dates.qif')).id);
    const [garage, ikea] = await lines(user);
    await user.call(routes.budgetLines.remove, byId(garage!.id));
    await user.call(routes.budgetLines.remove, { ...byId(ikea!.id), query: { ignore: 'true' } });
    await user.call(routes.budgetVendors.ignore, { body: { vendorName: 'remboursement' } });
    const report = (await applied(user, (await preview(user, 'qif-us-dates.qif')).id)).report;
    expect(report).toMatchObject({ imported: 1, duplicates: 0, ignored: 2, unparseable: 1 });
    // Garage came back; IKEA stays deleted; the refund from the first import is still there (ignored vendors skip new rows only).
    expect((await lines(user)).map((l) => l.vendor)).toEqual(['Garage Martin', 'Remboursement']);
  });

  it('imports XLSX and CAMT.053 files end to end', async () => {
    const user = await t.app.newUser();
    await applied(user, (await preview(user, 'excel-merged-header.xlsx')).id);
    await applied(user, (await preview(user, 'camt053-two-entries.xml')).id);
    expect((await lines(user)).map((l) => [l.date, l.vendor, l.amountCents, l.sourceRef])).toEqual([
      ['2026-11-02', 'Figma', 4560, ''],
      ['2026-11-03', 'OVH SAS', 123456, 'BANKREF-001'],
      ['2026-11-09', 'Slack', 30, ''],
      ['2026-11-16', 'Notion', 102000, ''],
      ['2026-11-20', 'Atlassian', -5000, 'E2E-REFUND-7'],
    ]);
  });
});

describe('bad files', () => {
  it.each([
    ['ofx-truncated.ofx', /truncated/],
    ['camt053-xml-bomb.xml', /DTD or entities/],
    ['camt053-external-entity.xml', /DTD or entities/],
    ['binary-posing-as.csv', /binary/],
    ['single-column.csv', /single column/],
  ])('%s gets a 400 naming the file and what is wrong; nothing is kept', async (name, reason) => {
    const user = await t.app.newUser();
    const problem = expectProblem(await upload(user, name), 400);
    expect(problem.errors?.[0]).toMatchObject({ path: 'body.file', message: expect.stringMatching(reason) });
    expect((await user.call(routes.budgetImports.list)).body.items).toEqual([]);
  });

  it('refuses a 60 MB file with 413', async () => {
    const user = await t.app.newUser();
    expectProblem(await upload(user, 'huge.csv', Buffer.alloc(60 * 1024 * 1024, 'a;b\n')), 413);
    expect((await user.call(routes.budgetImports.list)).body.items).toEqual([]);
  });
});

describe('isolation between users', () => {
  it("answers 404 for another user's import on every route and sends them no event", async () => {
    const imp = await preview(t.alice, 'qif-us-dates.qif');
    const bobSocket = await t.app.socket(t.bob.token);
    const bobReceived = recordEvents(bobSocket);
    expectProblem(await t.bob.call(routes.budgetImports.get, byId(imp.id)), 404);
    expectProblem(await t.bob.call(routes.budgetImports.apply, { ...byId(imp.id), body: {} }), 404);
    expectProblem(await t.bob.call(routes.budgetImports.undo, byId(imp.id)), 404);
    expect((await t.bob.call(routes.budgetImports.list)).body.items).toEqual([]);
    await applied(t.alice, imp.id);
    expectProblem(await t.bob.call(routes.budgetImports.undo, byId(imp.id)), 404);
    expect(await lines(t.bob)).toEqual([]);
    await settle();
    expect(bobReceived).toEqual([]);
  });
});
