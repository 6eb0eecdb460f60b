import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsOfNumber, formatCents, guessDecimalSeparator, parseAmount } from './amount.ts';

describe('parseAmount', () => {
  it.each([
    ['1 234,56', ',', 123456],
    ['1\u00a0234,56 €', ',', 123456],
    ['1\u202f234,56', ',', 123456],
    ['1.234,56', ',', 123456],
    ['-12,5', ',', -1250],
    ['(12,34)', ',', -1234],
    ['12,34-', ',', -1234],
    ['+5', ',', 500],
    ['0,004', ',', 0],
    ['0,005', ',', 1],
    ['1,234.56', '.', 123456],
    ['$-0.10', '.', -10],
    ['EUR 99', '.', 9900],
    [',5', ',', 50],
  ] as const)('%s (%s) is %i cents', (text, decimal, cents) => {
    expect(parseAmount(text, decimal)).toBe(cents);
  });

  it.each(['', 'abc', '12,34,56', '1.2.3', '--5', '12 €€ x'])('refuses %j', (text) => {
    expect(parseAmount(text, ',')).toBeNull();
  });

  it('never loses a cent: format then parse gives the cents back, in both spellings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.constantFrom(',', '.'),
        fc.constantFrom('', ' ', '\u00a0', '\u202f'),
        (cents, decimal, thousands) => {
          expect(parseAmount(formatCents(cents, decimal, thousands), decimal)).toBe(cents);
        },
      ),
    );
  });

  it('reads spreadsheet numbers by their decimal spelling, not their binary value', () => {
    expect(centsOfNumber(0.1 + 0.2)).toBe(30);
    expect(centsOfNumber(1.005)).toBe(101);
    expect(centsOfNumber(-19.99)).toBe(-1999);
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        expect(centsOfNumber(cents / 100)).toBe(cents);
      }),
    );
  });
});

describe('guessDecimalSeparator', () => {
  it('sees French and English files', () => {
    expect(guessDecimalSeparator(['-12,50', '1 234,56', '3'])).toBe(',');
    expect(guessDecimalSeparator(['-12.50', '1,234.56'])).toBe('.');
    expect(guessDecimalSeparator(['1,234'])).toBe(','); // alone, ambiguous: French by default
  });
});
