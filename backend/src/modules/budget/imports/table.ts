import type { BudgetColumnMapping } from '@panoramix/contracts';
import { guessDecimalSeparator, parseAmount } from './amount.ts';
import type { DecimalSeparator } from './amount.ts';
import { guessDateFormat, parseDay } from './dates.ts';
import type { DateFormat } from './dates.ts';
import type { ParsedLine, Unparseable } from './statement.ts';

/** A spreadsheet or CSV as rows of text cells, below its header row. */
export interface Table {
  headers: string[];
  rows: string[][];
  /** The file's row number (1-based) of each row, for the report's samples. */
  rowNumbers: number[];
}

export type AmountSign = 'bank' | 'expense';

export interface TableOptions {
  mapping: BudgetColumnMapping;
  dateFormat: DateFormat;
  decimalSeparator: DecimalSeparator;
  amountSign: AmountSign;
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/**
 * The header row: among the first rows, the first with as many filled cells as the widest row
 * (a title above it, often a merged cell, has fewer) and mostly text.
 */
export function toTable(cells: string[][]): Table {
  const firstRows = cells.slice(0, 20);
  const filled = (row: string[]) => row.filter((cell) => cell.trim() !== '').length;
  // A merged title cell repeats its text in every cell it spans: it counts once.
  const distinct = (row: string[]) => new Set(row.map((cell) => cell.trim()).filter(Boolean)).size;
  const widest = Math.max(0, ...firstRows.map(distinct));
  const headerIndex = Math.max(
    0,
    firstRows.findIndex(
      (row) => distinct(row) >= Math.max(2, widest * 0.6) && row.filter((c) => /\p{L}/u.test(c)).length >= filled(row) / 2,
    ),
  );
  const headers = (cells[headerIndex] ?? []).map((cell) => cell.trim());
  const body = cells.slice(headerIndex + 1).map((row, i) => ({ row, number: headerIndex + i + 2 }));
  const kept = body.filter(({ row }) => filled(row) > 0);
  return { headers, rows: kept.map((k) => k.row), rowNumbers: kept.map((k) => k.number) };
}

/** Header words for each field, French and English, in the order they are preferred. */
const fieldWords: Record<keyof BudgetColumnMapping, RegExp[]> = {
  date: [/^date( d[eu'] ?l?'?operation| operation| comptable)?$/, /date/, /^jour$|booking|transaction date/],
  amount: [/^montant( ttc| eur| \(eur\))?$/, /montant|amount|somme|total ttc|^ttc$|^total$/],
  debit: [/^debit|sortie|withdrawal|depense/],
  credit: [/^credit|entree|deposit|recette/],
  vendor: [/fournisseur|vendor|supplier|tiers|thirdparty|beneficiaire|payee|marchand|merchant|enseigne/],
  label: [/libelle|label|description|memo|intitule|detail|wording|objet/],
  id: [/^(id|reference|ref|transaction id|fitid|numero de transaction)$/],
  currency: [/devise|currency|monnaie/],
  vat: [/^tva|vat|^taxe/],
  invoiceNumber: [/facture|invoice/],
  category: [/categ/],
};

const isDay = (cell: string) => parseDay(cell) !== '';
const isAmount = (cell: string) => /\d/.test(cell) && parseAmount(cell, ',') !== null;

/** Which column holds which field: by header words first, then by content for date and amount. */
export function guessMapping(table: Table): BudgetColumnMapping {
  const headers = table.headers.map(fold);
  const used = new Set<number>();
  const pick = (field: keyof BudgetColumnMapping) => {
    for (const words of fieldWords[field]) {
      const index = headers.findIndex((h, i) => !used.has(i) && h !== '' && words.test(h));
      if (index >= 0) {
        used.add(index);
        return index;
      }
    }
    return null;
  };
  const mapping = Object.fromEntries(
    (['date', 'debit', 'credit', 'amount', 'vat', 'invoiceNumber', 'vendor', 'label', 'id', 'currency', 'category'] as const).map(
      (field) => [field, pick(field)],
    ),
  ) as BudgetColumnMapping;
  const sample = table.rows.slice(0, 20);
  const byContent = (test: (cell: string) => boolean) => {
    const index = table.headers.findIndex(
      (_, i) => !used.has(i) && sample.length > 0 && sample.every((row) => test(row[i] ?? '')),
    );
    if (index >= 0) used.add(index);
    return index >= 0 ? index : null;
  };
  mapping.date ??= byContent(isDay);
  if (mapping.amount === null && mapping.debit === null && mapping.credit === null) mapping.amount = byContent(isAmount);
  if (mapping.vendor === null && mapping.label === null) mapping.label = byContent((cell) => /\p{L}/u.test(cell));
  return mapping;
}

/** The number formats of the mapped columns, guessed from their cells. */
export function guessFormats(table: Table, mapping: BudgetColumnMapping) {
  const column = (index: number | null) => (index === null ? [] : table.rows.slice(0, 200).map((row) => row[index] ?? ''));
  const amounts = [...column(mapping.amount), ...column(mapping.debit), ...column(mapping.credit)].filter((c) => c.trim());
  const decimalSeparator = guessDecimalSeparator(amounts);
  const signed = column(mapping.amount)
    .map((cell) => parseAmount(cell, decimalSeparator))
    .filter((v): v is number => v !== null && v !== 0);
  // A statement lists money out as negative; an invoice list has no (or few) negative amounts.
  const amountSign: AmountSign = signed.filter((v) => v < 0).length > signed.length / 2 ? 'bank' : 'expense';
  return { dateFormat: guessDateFormat(column(mapping.date)), decimalSeparator, amountSign };
}

/** A header row's shape: the mapping chosen for one is offered for the next file with the same. */
export const headerKey = (headers: readonly string[]) => headers.map(fold).join('|');

/** Reads each row with the mapping; a row without a readable day or amount is reported, not imported. */
export function readRows(table: Table, options: TableOptions): { lines: ParsedLine[]; unparseable: Unparseable[] } {
  const { mapping, decimalSeparator } = options;
  const lines: ParsedLine[] = [];
  const unparseable: Unparseable[] = [];
  const cell = (row: string[], index: number | null) => (index === null ? '' : (row[index] ?? '').trim());
  table.rows.forEach((row, i) => {
    const rowNumber = table.rowNumbers[i] ?? i + 2;
    const fail = (reason: string) => unparseable.push({ row: rowNumber, text: row.join(' | ').slice(0, 300), reason });
    const date = parseDay(cell(row, mapping.date), options.dateFormat);
    if (!date) return fail('no readable date');
    const amount = readAmount(row, options, cell);
    if (amount === null) return fail('no readable amount');
    const label = cell(row, mapping.label);
    const vendor = cell(row, mapping.vendor) || label;
    if (!vendor) return fail('no vendor or label');
    const vat = cell(row, mapping.vat);
    lines.push({
      row: rowNumber,
      date,
      amountCents: amount,
      vendor,
      label,
      sourceRef: cell(row, mapping.id),
      currency: /^[A-Za-z]{3}$/.test(cell(row, mapping.currency)) ? cell(row, mapping.currency).toUpperCase() : 'EUR',
      vatCents: vat ? parseAmount(vat, decimalSeparator) : null,
      invoiceNumber: cell(row, mapping.invoiceNumber),
      category: cell(row, mapping.category),
    });
  });
  return { lines, unparseable };
}

function readAmount(row: string[], options: TableOptions, cell: (row: string[], index: number | null) => string): number | null {
  const { mapping, decimalSeparator } = options;
  // A workbook mixes number cells (written with a dot here) and French text cells: the other separator is the fallback.
  const read = (index: number | null) => {
    const text = cell(row, index);
    return text === '' ? null : (parseAmount(text, decimalSeparator) ?? parseAmount(text, decimalSeparator === ',' ? '.' : ','));
  };
  if (mapping.debit !== null || mapping.credit !== null) {
    const [debit, credit] = [read(mapping.debit), read(mapping.credit)];
    if (debit === null && credit === null)
      return mapping.amount === null ? null : signed(read(mapping.amount), options.amountSign);
    // Banks write debits signed or not: money out is an expense either way.
    return Math.abs(debit ?? 0) - Math.abs(credit ?? 0);
  }
  return signed(read(mapping.amount), options.amountSign);
}

const signed = (cents: number | null, sign: AmountSign) => (cents === null ? null : sign === 'bank' ? -cents : cents);

/** A spreadsheet cell as text: days as ISO, numbers in their shortest decimal spelling with a dot. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return cellText(richValue(value));
  return String(value);
}

/** exceljs's non-plain cells: formulas (their result), rich text, hyperlinks. */
function richValue(value: object): unknown {
  if ('result' in value) return value.result;
  if ('richText' in value && Array.isArray(value.richText))
    return value.richText.map((part: { text?: string }) => part.text ?? '').join('');
  if ('text' in value) return value.text;
  return '';
}
