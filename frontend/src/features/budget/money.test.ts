import { describe, expect, it } from 'vitest';
import { editableAmount, formatMoney, parseTypedAmount } from './money.ts';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('budget money', () => {
  it('shows cents in the user’s language', () => {
    expect(nbsp(formatMoney(123456, 'EUR', 'fr'))).toBe('1 234,56 €');
    expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(nbsp(formatMoney(-5, 'EUR', 'fr'))).toBe('-0,05 €');
  });

  it('reads a typed amount with a decimal comma or point into cents', () => {
    expect(parseTypedAmount('12,34')).toBe(1234);
    expect(parseTypedAmount('12.34')).toBe(1234);
    expect(parseTypedAmount('12,5')).toBe(1250);
    expect(parseTypedAmount('1 234,56 €')).toBe(123456);
    expect(parseTypedAmount('1.234,56')).toBe(123456);
    expect(parseTypedAmount('1,234.56')).toBe(123456);
    expect(parseTypedAmount('1,234')).toBe(123400);
    expect(parseTypedAmount('-7')).toBe(-700);
    expect(parseTypedAmount('0.1')).toBe(10);
  });

  it('refuses what is no amount', () => {
    for (const typed of ['', 'abc', '12,345,6', '1.2.3', '1.234.56', '1,234,56', '12,']) {
      expect(parseTypedAmount(typed), typed).toBeNull();
    }
  });

  it('never loses a cent between what it shows for editing and what it reads back', () => {
    for (const cents of [0, 1, 10, 99, 100, 12345, 999_999_99, -1, -1050, 30]) {
      expect(parseTypedAmount(editableAmount(cents, 'fr'))).toBe(cents);
      expect(parseTypedAmount(editableAmount(cents, 'en'))).toBe(cents);
    }
  });
});
