/**
 * Amounts as people and banks write them, read into integer cents without ever going through a
 * float: `1 234,56`, `1.234,56`, `-12.5`, `(12,34)` (negative), `12,34 €`, `+5`, `12,34-`.
 * Digits are handled as text, so no amount loses a cent; a third decimal rounds half away from zero.
 */
export type DecimalSeparator = ',' | '.';

const SPACES = /[\s\u00a0\u202f']/g; // thousands: spaces, no-break spaces, Swiss apostrophes
const CURRENCY = /[€$£¥]|\b(?:EUR|USD|GBP|CHF)\b/gi;

export function parseAmount(raw: string, decimal: DecimalSeparator): number | null {
  let text = raw.replace(CURRENCY, '').replace(SPACES, '');
  if (text === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[+-]/.test(text)) {
    negative = negative !== text.startsWith('-');
    text = text.slice(1);
  } else if (/-$/.test(text)) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  const thousands = decimal === ',' ? '.' : ',';
  const pattern = new RegExp(`^(\\d{1,3}(?:\\${thousands}\\d{3})+|\\d+)?(?:\\${decimal}(\\d*))?$`);
  const match = pattern.exec(text);
  if (!match || (match[1] === undefined && !match[2])) return null;
  const whole = (match[1] ?? '0').split(thousands).join('');
  const fraction = (match[2] ?? '').padEnd(3, '0');
  let value = Number(whole) * 100 + Number(fraction.slice(0, 2));
  if (Number(fraction[2]) >= 5) value += 1;
  if (!Number.isSafeInteger(value)) return null;
  return negative && value !== 0 ? -value : value;
}

/** A number cell of a spreadsheet: its shortest decimal spelling, read as text (0.1 + 0.2 stays 30 cents). */
export function centsOfNumber(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const shortest = String(value);
  return parseAmount(/e/i.test(shortest) ? value.toFixed(2) : shortest, '.');
}

/** Which decimal separator the samples use: the last separator of a number is its decimal one, unless three digits follow. */
export function guessDecimalSeparator(samples: readonly string[]): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const sample of samples) {
    const match = /([.,])(\d+)\D*$/.exec(sample.replace(SPACES, ''));
    if (!match) continue;
    const [, separator, digits] = match;
    if (digits!.length === 3 && !/[.,].*[.,]/.test(sample)) continue; // 1,234 or 1.234: ambiguous alone
    if (separator === ',') comma++;
    else dot++;
  }
  return dot > comma ? '.' : ',';
}

/** Cents as a French or English spelling (`-1 234,56`), the inverse of parseAmount. */
export function formatCents(cents: number, decimal: DecimalSeparator, thousands = ''): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${sign}${whole}${decimal}${String(abs % 100).padStart(2, '0')}`;
}
