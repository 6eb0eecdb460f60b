import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../http/problem.ts';
import { readFile } from './read.ts';
import type { ReadFile } from './read.ts';
import { guessFormats, guessMapping, readRows } from './table.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures', name));
const read = (name: string) => readFile(name, fixture(name));

/** A table file read as the preview does: guessed mapping and formats. */
async function linesOf(name: string) {
  const file = (await read(name)) as Extract<ReadFile, { table: unknown }>;
  const mapping = guessMapping(file.table);
  const formats = guessFormats(file.table, mapping);
  return { file, mapping, formats, ...readRows(file.table, { mapping, ...formats }) };
}
const short = (lines: { date: string; vendor: string; amountCents: number }[]) =>
  lines.map((l) => [l.date, l.vendor, l.amountCents]);

async function refusal(name: string, bytes = fixture(name)) {
  const error = await readFile(name, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).status).toBe(400);
  return (error as HttpError).errors?.[0]?.message;
}

describe('CSV', () => {
  it('reads a BNP export: Windows-1252, ;, title row, dd/mm/yyyy, decimal comma, thousands spaces, debit and credit columns', async () => {
    const { file, mapping, formats, lines, unparseable } = await linesOf('bnp-export-semicolon-cp1252.csv');
    expect(file).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(file.table.headers).toEqual(['Date opération', 'Libellé', 'Débit', 'Crédit', 'Référence']);
    expect(mapping).toMatchObject({ date: 0, label: 1, debit: 2, credit: 3, id: 4, amount: null });
    expect(formats).toMatchObject({ dateFormat: 'dmy', decimalSeparator: ',' });
    expect(short(lines)).toEqual([
      ['2026-11-03', 'PRLV SEPA OVH SAS', 123456],
      ['2026-11-05', 'CB CAFÉ DU PORT 04/11', 450],
      ['2026-11-05', 'CB CAFÉ DU PORT 04/11', 450],
      ['2026-11-07', 'VIR SALAIRE NOVEMBRE', -250000],
      ['2026-11-10', 'CB FNAC ÉLYSÉE', 8990],
    ]);
    expect(unparseable).toEqual([{ row: 7, text: expect.stringContaining('LIGNE ILLISIBLE'), reason: 'no readable date' }]);
  });

  it('reads UTF-8 with a BOM, commas, US dates, quoted commas and negative amounts in parentheses', async () => {
    const { file, formats, lines } = await linesOf('utf8-bom-comma-us-dates-parentheses.csv');
    expect(file).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(file.table.headers[0]).toBe('Date'); // no BOM left in the first header
    expect(formats).toEqual({ dateFormat: 'mdy', decimalSeparator: '.', amountSign: 'bank' });
    expect(lines.map((l) => [l.date, l.vendor, l.label, l.amountCents])).toEqual([
      ['2026-11-03', 'Amazon', 'Books, two', 1234],
      ['2026-11-25', 'Netflix', 'Subscription', 1599],
      ['2026-11-26', 'Refund Co', 'Refund', -2000],
    ]);
  });

  it('reads tab-separated invoices: the latest French date of a cell, VAT and invoice numbers', async () => {
    const { file, mapping, formats, lines } = await linesOf('tab-invoices-latest-french-date.csv');
    expect(file.delimiter).toBe('\t');
    expect(mapping).toMatchObject({ date: 0, vendor: 1, label: 2, amount: 3, vat: 4, invoiceNumber: 5 });
    expect(formats.amountSign).toBe('expense');
    expect(lines.map((l) => [l.date, l.vendor, l.amountCents, l.vatCents, l.invoiceNumber])).toEqual([
      ['2026-11-01', 'OVH', 120000, 20000, 'F-2026-11'],
      ['2026-11-15', 'Atlassian', 85050, 14175, 'A-77'],
    ]);
  });

  it('refuses a one-column CSV and a binary file posing as CSV', async () => {
    expect(await refusal('single-column.csv')).toMatch(/single column/);
    expect(await refusal('binary-posing-as.csv')).toMatch(/binary/);
    expect(await refusal('empty.csv', Buffer.alloc(0))).toMatch(/empty/);
  });
});

describe('XLSX', () => {
  it('skips a merged title row and reads date cells, numbers without float error and text amounts', async () => {
    const { file, mapping, lines } = await linesOf('excel-merged-header.xlsx');
    expect(file.format).toBe('xlsx');
    expect(file.table.headers).toEqual(['Date', 'Fournisseur', 'Montant', 'Catégorie']);
    expect(mapping).toMatchObject({ date: 0, vendor: 1, amount: 2, category: 3 });
    expect(lines.map((l) => [l.date, l.vendor, l.amountCents, l.category])).toEqual([
      ['2026-11-02', 'Figma', 4560, 'Logiciels'],
      ['2026-11-09', 'Slack', 30, 'Logiciels'],
      ['2026-11-16', 'Notion', 102000, 'Logiciels'],
    ]);
  });

  it('refuses a file named .xlsx that is not a workbook', async () => {
    expect(await refusal('fake.xlsx', Buffer.from('PK\x03\x04 not really a zip'))).toMatch(/Excel/);
  });
});

describe('OFX', () => {
  it('reads an OFX 1 (SGML) statement with FITIDs; money out becomes a positive expense', async () => {
    const file = (await read('ofx-with-fitid.ofx')) as Extract<ReadFile, { statement: unknown }>;
    expect(file.format).toBe('ofx');
    expect(file.statement.lines.map((l) => [l.date, l.vendor, l.amountCents, l.sourceRef])).toEqual([
      ['2026-11-04', 'CAFE DU PORT', 450, 'FIT-0001'],
      ['2026-11-04', 'CAFE DU PORT', 450, 'FIT-0002'],
      ['2026-11-12', 'AMAZON PAYMENTS', 5999, 'FIT-0003'],
      ['2026-11-15', 'REMBOURSEMENT & AVOIR', -10000, 'FIT-0004'],
    ]);
  });

  it('refuses a truncated OFX file', async () => {
    expect(await refusal('ofx-truncated.ofx')).toMatch(/truncated/);
  });
});

describe('QIF', () => {
  it("reads US dates (11/03'26 and 11/25/2026), payees, memos and categories; reports an unreadable record", async () => {
    const file = (await read('qif-us-dates.qif')) as Extract<ReadFile, { statement: unknown }>;
    expect(file.statement.lines.map((l) => [l.date, l.vendor, l.amountCents, l.category])).toEqual([
      ['2026-11-03', 'Garage Martin', 4200, 'Auto'],
      ['2026-11-25', 'IKEA', 123450, ''],
      ['2026-12-01', 'Remboursement', -1500, ''],
    ]);
    expect(file.statement.unparseable).toEqual([{ row: 4, text: expect.stringContaining('Broken'), reason: 'no readable date' }]);
  });
});

describe('CAMT.053', () => {
  it('reads entries with their bank reference, the other party and the debit/credit side', async () => {
    const file = (await read('camt053-two-entries.xml')) as Extract<ReadFile, { statement: unknown }>;
    expect(file.format).toBe('camt053');
    expect(file.statement.lines.map((l) => [l.date, l.vendor, l.label, l.amountCents, l.sourceRef])).toEqual([
      ['2026-11-03', 'OVH SAS', 'Facture OVH novembre', 123456, 'BANKREF-001'],
      ['2026-11-20', 'Atlassian', 'Avoir', -5000, 'E2E-REFUND-7'],
    ]);
  });

  it('refuses an XML bomb and an external entity without expanding or reading anything', async () => {
    expect(await refusal('camt053-xml-bomb.xml')).toMatch(/DTD or entities/);
    expect(await refusal('camt053-external-entity.xml')).toMatch(/DTD or entities/);
  });
});
