import { describe, expect, it } from 'vitest';
import { aLine } from './budget-test-data.ts';
import { linesCsv } from './csv.ts';

const headers = [
  'Date',
  'Fournisseur',
  'Libellé',
  'Montant',
  'TVA',
  'Devise',
  'Catégorie',
  'Département',
  'Équipe',
  'Projet',
  'N° de facture',
  'Notes',
];
const columns = { headers, projectName: (id: string) => (id === 'p1'.padEnd(24, '0') ? 'Site web' : id) };

describe('linesCsv', () => {
  it('writes a French spreadsheet: BOM, semicolons, decimal comma, the project by name', () => {
    const line = aLine({ vendor: 'OVH', amountCents: 123456, vatCents: 20576, team: 'sre', projectId: 'p1'.padEnd(24, '0') });
    const [header, row] = linesCsv([line], 'fr', columns).split('\r\n');
    expect(header).toBe(
      '\uFEFFDate;Fournisseur;Libellé;Montant;TVA;Devise;Catégorie;Département;Équipe;Projet;N° de facture;Notes',
    );
    expect(row).toBe('2026-11-20;OVH;;1234,56;205,76;EUR;;;sre;Site web;;');
  });

  it('writes points and commas in English, quoting what holds them', () => {
    const line = aLine({ vendor: 'Acme, Inc.', label: 'say "hi"', amountCents: -5 });
    const row = linesCsv([line], 'en', columns).split('\r\n')[1];
    expect(row).toBe('2026-11-20,"Acme, Inc.","say ""hi""",-0.05,,EUR,,,,,,');
  });

  it('keeps a spreadsheet from running a vendor or a note as a formula', () => {
    const line = aLine({ vendor: '=HYPERLINK("x")', notes: '@SUM(A1)' });
    const row = linesCsv([line], 'fr', columns).split('\r\n')[1];
    expect(row).toBe(`2026-11-20;"'=HYPERLINK(""x"")";;10,00;;EUR;;;;;;'@SUM(A1)`);
  });
});
