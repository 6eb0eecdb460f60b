/**
 * Days as files write them, normalised to `YYYY-MM-DD` ('' when none can be read). ISO days are
 * kept; otherwise, as Panorama does, the **latest** numeric date of the cell wins (a bank label
 * such as `CB CARREFOUR 12/11 … 14/11/2026` is charged on the later one), read in the file's
 * day order (`dmy` French by default, `mdy` for US files).
 */
export type DateFormat = 'ymd' | 'dmy' | 'mdy';

const pad = (n: number) => String(n).padStart(2, '0');

function day(year: number, month: number, date: number): string {
  if (year < 100) year += year < 70 ? 2000 : 1900;
  const value = new Date(Date.UTC(year, month - 1, date));
  if (value.getUTCFullYear() !== year || value.getUTCMonth() !== month - 1 || value.getUTCDate() !== date) return '';
  return `${year}-${pad(month)}-${pad(date)}`;
}

const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/;
const NUMERIC = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/g;
const COMPACT = /^(\d{4})(\d{2})(\d{2})/; // OFX: 20261125120000[+1:CET]

export function parseDay(raw: string, format: DateFormat = 'dmy'): string {
  const text = raw.trim();
  if (text === '') return '';
  const iso = ISO.exec(text);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = COMPACT.exec(text);
  if (compact) return day(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  let latest = '';
  for (const match of text.matchAll(NUMERIC)) {
    const [a, b, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const found = format === 'mdy' ? day(year, a, b) : day(year, b, a);
    if (found > latest) latest = found;
  }
  return latest;
}

/** A spreadsheet's date cell (read as a JS Date at UTC midnight of that day). */
export const dayOfDate = (value: Date) =>
  Number.isNaN(value.getTime()) ? '' : day(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());

/** The day order of a column's numeric dates: a first part over 12 means days first, a second part over 12 months first. */
export function guessDateFormat(samples: readonly string[]): DateFormat {
  let dayFirst = 0;
  let monthFirst = 0;
  let iso = 0;
  for (const sample of samples) {
    if (ISO.test(sample)) iso++;
    for (const match of sample.matchAll(NUMERIC)) {
      if (Number(match[1]) > 12) dayFirst++;
      if (Number(match[2]) > 12) monthFirst++;
    }
  }
  if (iso > 0 && dayFirst + monthFirst === 0) return 'ymd';
  return monthFirst > dayFirst ? 'mdy' : 'dmy';
}
