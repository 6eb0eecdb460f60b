import { describe, expect, it } from 'vitest';
import { checkDuplicate, dedupeKey, planImport, similarVendors } from './dedup.ts';
import type { ExistingLine, IgnoreRules, KeyedLine } from './dedup.ts';

const noIgnores: IgnoreRules = { vendors: new Set(), keys: new Set(), refs: new Set() };
const row = (over: Partial<KeyedLine> = {}): KeyedLine => ({
  date: '2026-11-10',
  amountCents: 1234,
  vendor: 'Café du Port',
  sourceRef: '',
  ...over,
});
let ids = 0;
const line = (over: Partial<ExistingLine> = {}): ExistingLine => ({
  ...row(),
  id: `l${++ids}`,
  source: 'import',
  reconciled: false,
  invoiceNumber: '',
  ...over,
});
const kinds = (decisions: ReturnType<typeof planImport>) => decisions.map((d) => d.kind);

describe('dedupe key', () => {
  it("is Panorama's date|amountCents|vendor, lowercased with whitespace collapsed", () => {
    expect(dedupeKey({ date: '2026-11-10', amountCents: -50, vendor: '  OVH   Cloud ' })).toBe('2026-11-10|-50|ovh cloud');
  });
});

describe('planImport', () => {
  it('skips a second identical row of the same file (no bank id)', () => {
    expect(kinds(planImport([row(), row({ vendor: 'CAFÉ  du port' })], [], noIgnores))).toEqual(['new', 'duplicate']);
  });

  it('keeps two rows of one key when the bank gives them different ids (two coffees the same day)', () => {
    const decisions = planImport([row({ sourceRef: 'A1' }), row({ sourceRef: 'A2' })], [], noIgnores);
    expect(kinds(decisions)).toEqual(['new', 'new']);
  });

  it('skips a row whose bank id is already there, even when its label changed', () => {
    const existing = [line({ sourceRef: 'FIT-9', vendor: 'Old spelling' })];
    expect(planImport([row({ sourceRef: 'FIT-9' })], existing, noIgnores)[0]).toEqual({ kind: 'duplicate', of: 'existing' });
  });

  it('skips a row with a bank id that an earlier id-less import of the same key brought in', () => {
    expect(kinds(planImport([row({ sourceRef: 'FIT-1' })], [line()], noIgnores))).toEqual(['duplicate']);
  });

  it('imports again a line that is no longer there (deleted lines are not passed in)', () => {
    expect(kinds(planImport([row()], [], noIgnores))).toEqual(['new']);
  });

  it('skips ignored vendors, ignored lines by key and by bank id', () => {
    const ignores: IgnoreRules = {
      vendors: new Set(['netflix']),
      keys: new Set([dedupeKey(row({ vendor: 'Boulangerie' }))]),
      refs: new Set(['REF-X']),
    };
    const rows = [
      row({ vendor: 'NETFLIX' }),
      row({ vendor: 'Boulangerie' }),
      row({ vendor: 'Other', sourceRef: 'REF-X' }),
      row(),
    ];
    expect(kinds(planImport(rows, [], ignores))).toEqual(['ignored', 'ignored', 'ignored', 'new']);
  });

  it('reconciles a hand-entered line of the same amount within two days and a similar vendor', () => {
    const manual = line({ source: 'manual', date: '2026-11-08', vendor: 'Amazon' });
    const decisions = planImport([row({ vendor: 'CB AMAZON PAYMENTS 10/11', sourceRef: 'F1' })], [manual], noIgnores);
    expect(decisions).toEqual([{ kind: 'reconcile', lineId: manual.id }]);
  });

  it('does not reconcile three days apart, another amount, another vendor or an already reconciled line', () => {
    const manual = (over: Partial<ExistingLine>) => line({ source: 'manual', vendor: 'Amazon', ...over });
    const incoming = row({ vendor: 'AMAZON', date: '2026-11-10' });
    for (const existing of [
      manual({ date: '2026-11-07' }),
      manual({ amountCents: 1235 }),
      manual({ vendor: 'Fnac' }),
      manual({ reconciled: true, date: '2026-11-09' }),
      line({ vendor: 'Amazon', date: '2026-11-09' }), // imported, not entered by hand
    ]) {
      expect(kinds(planImport([incoming], [existing], noIgnores))).toEqual(['new']);
    }
  });

  it('reconciles one hand-entered line with one bank line only, the nearest day first', () => {
    const far = line({ source: 'manual', vendor: 'Amazon', date: '2026-11-08' });
    const near = line({ source: 'manual', vendor: 'Amazon', date: '2026-11-11' });
    const rows = [
      row({ vendor: 'Amazon', sourceRef: 'a' }),
      row({ vendor: 'Amazon', sourceRef: 'b' }),
      row({ vendor: 'Amazon', sourceRef: 'c' }),
    ];
    expect(planImport(rows, [far, near], noIgnores)).toEqual([
      { kind: 'reconcile', lineId: near.id },
      { kind: 'reconcile', lineId: far.id },
      { kind: 'new' },
    ]);
  });
});

describe('similarVendors', () => {
  it.each([
    ['Amazon', 'CB AMAZON PAYMENTS', true],
    ['Amazon.fr', 'AMAZON FR', true],
    ['Société Générale', 'SOCIETE GENERALE', true],
    ['OVH Cloud', 'PRLV SEPA OVH SAS', true],
    ['Fnac', 'Darty', false],
    ['', 'Darty', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(similarVendors(a, b)).toBe(same);
  });
});

describe('checkDuplicate cascade', () => {
  it('finds the same key first', () => {
    const target = line();
    const twin = line();
    expect(checkDuplicate(target, [target, twin, line({ invoiceNumber: 'F-1', amountCents: 1 })])).toEqual({
      matchKind: 'hash',
      ids: [twin.id],
    });
  });

  it('then the same invoice number, case and spaces aside', () => {
    const target = line({ invoiceNumber: 'F-2026-01', date: '2026-10-01' });
    const other = line({ invoiceNumber: ' f-2026-01 ', amountCents: 99 });
    expect(checkDuplicate(target, [other])).toEqual({ matchKind: 'invoiceNumber', ids: [other.id] });
  });

  it('then lines of the same vendor within ±2 days whose sum is the amount', () => {
    const target = line({ amountCents: 3000, vendor: 'Garage' });
    const parts = [
      line({ amountCents: 1000, vendor: 'garage', date: '2026-11-09' }),
      line({ amountCents: 2000, vendor: 'Garage', date: '2026-11-12' }),
    ];
    const farAway = line({ amountCents: 500, vendor: 'Garage', date: '2026-11-20' });
    expect(checkDuplicate(target, [...parts, farAway])).toEqual({ matchKind: 'sumVendorDate', ids: parts.map((p) => p.id) });
  });

  it('then, for information, a similar vendor with the same amount on any day', () => {
    const target = line({ vendor: 'Amazon' });
    const other = line({ vendor: 'AMAZON PAYMENTS', date: '2026-06-01' });
    expect(checkDuplicate(target, [other]).matchKind).toBe('fuzzyVendorAmount');
  });

  it('answers none when nothing matches', () => {
    expect(checkDuplicate(line({ vendor: 'Alone' }), [line({ vendor: 'Other', amountCents: 1 })])).toEqual({
      matchKind: 'none',
      ids: [],
    });
  });
});
