import type { PersonRecord } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { csvField, peopleCsv } from './export-csv.ts';

describe('csvField', () => {
  it('quotes every field and doubles its quotes', () => {
    expect(csvField('Jean "JJ" Martin, CTO')).toBe('"Jean ""JJ"" Martin, CTO"');
    expect(csvField('deux\nlignes')).toBe('"deux\nlignes"');
  });

  it('keeps a spreadsheet from running a value as a formula', () => {
    expect(['=1+1', '+33 6', '-x', '@SUM(A1)'].map(csvField)).toEqual(['"\'=1+1"', '"\'+33 6"', '"\'-x"', '"\'@SUM(A1)"']);
  });
});

describe('peopleCsv', () => {
  const person: PersonRecord = {
    id: '665f1c2e9b1e8a0012345678',
    userId: '665f1c2e9b1e8a0012345679',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    name: 'Élodie',
    lastName: 'Dupont',
    normalizedName: 'elodie',
    aliases: ['Lolo', 'El'],
    role: 'CTO',
    email: 'elodie@acme.test',
    notes: '',
    left: true,
    contactOnly: false,
    teamId: 't1',
    subteam: 'Data',
    managerId: null,
    githubUsernames: [],
    arrivalDate: '2021-03-01T22:59:59.999Z',
  };

  it('writes the Google columns first (so it imports back), with a BOM for Excel', () => {
    const [header, row] = peopleCsv([person], new Map([['t1', 'Platform']]))
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(
      header?.startsWith('"First Name [Required]","Last Name [Required]","Email Address [Required]","Status [READ ONLY]"'),
    ).toBe(true);
    expect(row).toBe(
      '"Élodie","Dupont","elodie@acme.test","Suspended","CTO","Platform","Data","Lolo; El","no","2021-03-01","",""',
    );
  });
});
