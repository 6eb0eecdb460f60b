import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from './fuzzy.ts';

describe('fuzzyScore', () => {
  it('matches letters in order, ignoring case and accents', () => {
    expect(fuzzyScore('pref', 'Préférences')).not.toBeNull();
    expect(fuzzyScore('PRF', 'préférences')).not.toBeNull();
  });

  it('refuses a query whose letters are missing or out of order', () => {
    expect(fuzzyScore('xyz', 'Liens')).toBeNull();
    expect(fuzzyScore('snl', 'Liens')).toBeNull();
  });

  it('matches everything with an empty query', () => {
    expect(fuzzyScore('  ', 'Liens')).toBe(0);
  });
});

describe('fuzzyFilter', () => {
  const items = ['Panel de liens', 'Nouveau lien', 'Aller à : Accueil', 'Aller à : Liens'];

  it('ranks word starts and consecutive letters first', () => {
    expect(fuzzyFilter(items, 'nl', (s) => s)[0]).toBe('Nouveau lien');
  });

  it('prefers the shorter label among equal matches', () => {
    expect(fuzzyFilter(['Aller à : Liens', 'Liens'], 'liens', (s) => s)[0]).toBe('Liens');
  });

  it('keeps the original order for equal scores', () => {
    expect(fuzzyFilter(items, '', (s) => s)).toEqual(items);
  });
});

describe('fuzzyScore of a query found whole', () => {
  it('scores it as one run even when its first letters occur earlier, scattered', () => {
    const scattered = fuzzyScore('clarte', 'Basculer entre thème clair et sombre');
    const whole = fuzzyScore('clair', 'Basculer entre thème clair et sombre');
    expect(whole).toBeGreaterThan(scattered ?? 0);
    expect(whole).toBeGreaterThan(fuzzyScore('clair', 'Basculer un lai rond') ?? 0);
  });
});
