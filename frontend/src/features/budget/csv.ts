import type { BudgetLine } from '@panoramix/contracts';
import { saveBlob } from '../../platform/powers.ts';
import { editableAmount } from './money.ts';
import type { Language } from './money.ts';

export interface CsvColumns {
  /** The header row, in the user's language, one per column below. */
  headers: readonly string[];
  projectName: (id: string) => string;
}

const textColumns = (line: BudgetLine, project: string) => [
  line.vendor,
  line.label,
  line.category,
  line.department ?? '',
  line.team ?? '',
  project,
  line.invoiceNumber,
  line.notes,
];

/**
 * The lines as a spreadsheet opens them in the user's language: `;` and a decimal comma in
 * French (what a French Excel expects), `,` and a point in English, a BOM so accents survive.
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is prefixed with `'`.
 */
export function linesCsv(lines: readonly BudgetLine[], language: Language, columns: CsvColumns): string {
  const delimiter = language === 'fr' ? ';' : ',';
  const quote = (cell: string) => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const text = (cell: string) => quote(/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
  const rows = lines.map((line) => {
    const amount = editableAmount(line.amountCents, language);
    const vat = line.vatCents === null ? '' : editableAmount(line.vatCents, language);
    const [vendor, label, ...rest] = textColumns(line, line.projectId ? columns.projectName(line.projectId) : '').map(text);
    return [line.date, vendor, label, quote(amount), quote(vat), line.currency, ...rest].join(delimiter);
  });
  return `\uFEFF${[columns.headers.map(text).join(delimiter), ...rows].join('\r\n')}\r\n`;
}

/** Hands the text to the browser as a download (the desktop app's save dialog). */
export const download = (text: string, fileName: string) =>
  saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
