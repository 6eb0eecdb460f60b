/**
 * Money on the Budget tab: integer cents from the API to the screen and back, never a float in
 * between (a float of 0.1 + 0.2 would lose a cent). Intl formats the decimal written as text.
 */
const locales = { fr: 'fr-FR', en: 'en-GB' } as const;
export type Language = keyof typeof locales;

/** Cents as exact decimal text: -123456 → "-1234.56". */
export function decimalOf(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const formats = new Map<string, Intl.NumberFormat>();
/** `1 234,56 €` in French, `€1,234.56` in English; an unknown code shows as the code itself. */
export function formatMoney(cents: number, currency: string, language: Language): string {
  const key = `${language}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[language], { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    formats.set(key, format);
  }
  return format.format(decimalOf(cents) as `${number}`);
}

/** Cents as a person edits them, in their language's decimal: `1234,56` (fr), `1234.56` (en). */
export const editableAmount = (cents: number, language: Language) =>
  language === 'fr' ? decimalOf(cents).replace('.', ',') : decimalOf(cents);

/**
 * What a person typed, in cents, or null when it is no amount. Either decimal mark is accepted
 * (`12,5`, `12.50`), with spaces or the other mark as thousands (`1 234,56`, `1,234.56`,
 * `1.234,56`): the last mark followed by one or two digits is the decimal one.
 */
export function parseTypedAmount(typed: string): number | null {
  let text = typed.replace(/[\s\u00a0\u202f€$£]/g, '');
  const negative = text.startsWith('-');
  if (negative || text.startsWith('+')) text = text.slice(1);
  const match = /^(\d{1,3}(?:([.,])\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const [, whole = '', thousands, fraction = ''] = match;
  // "1,234" alone is a thousand in English; "1,23" is a decimal: only 3 digits after one mark mean thousands.
  if (thousands && fraction && text.at(-fraction.length - 1) === thousands) return null;
  const cents = Number(whole.replace(/[.,]/g, '')) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > 1e12) return null;
  return negative && cents !== 0 ? -cents : cents;
}
