import { normalizeName } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { derivedFields, normalizeQuery } from './derive.ts';

describe('normalizeName', () => {
  it('trims, drops accents and lower-cases, as Panorama does', () => {
    expect(normalizeName('  Élodie ')).toBe('elodie');
    expect(normalizeName('FRANÇOIS')).toBe('francois');
    expect(normalizeName('Zoë Ångström')).toBe('zoe angstrom');
  });

  it('folds compatibility forms (NFKD): ligatures and full-width letters', () => {
    expect(normalizeName('ﬁlippo')).toBe('filippo');
    expect(normalizeName('Ｊｅａｎ')).toBe('jean');
  });
});

describe('derivedFields', () => {
  const élodie = { name: 'Élodie', lastName: 'Dupont-Moretti', aliases: ['Lolo', ' '], email: 'elodie@acme.test' };

  it('keeps the normalised first name and a full-name sort key', () => {
    expect(derivedFields(élodie)).toMatchObject({ normalizedName: 'elodie', sortName: 'elodie dupont-moretti' });
  });

  it('puts each searchable value on its own line, so a query never matches across two of them', () => {
    const { searchText } = derivedFields(élodie);
    expect(searchText.split('\n')).toEqual(['elodie dupont-moretti', 'lolo', 'elodie@acme.test']);
    expect(searchText.includes(normalizeQuery('DUPONT'))).toBe(true);
    expect(searchText.includes(normalizeQuery('élodie   dupont'))).toBe(true);
    expect(searchText.includes(normalizeQuery('moretti lolo'))).toBe(false);
  });
});
