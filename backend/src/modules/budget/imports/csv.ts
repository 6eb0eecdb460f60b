import { parse } from 'csv-parse/sync';
import { toTable } from './table.ts';
import type { Table } from './table.ts';
import { decodeText } from './text.ts';
import type { TextEncoding } from './text.ts';
import { unreadable } from './unreadable.ts';

const DELIMITERS = [';', ',', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The separator that splits the first lines into the same number of cells (quotes respected),
 * more than one: French banks use `;`, others `,` or tab.
 */
export function guessDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: { delimiter: Delimiter; score: number } = { delimiter: ';', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => line.replace(/"[^"]*"/g, '').split(delimiter).length - 1);
    const common = mode(counts);
    const score = common === 0 ? 0 : counts.filter((c) => c === common).length * 100 + common;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

const mode = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
};

export interface CsvTable extends Table {
  encoding: TextEncoding;
  delimiter: Delimiter;
}

export function readCsv(bytes: Buffer): CsvTable {
  const { text, encoding } = decodeText(bytes);
  const delimiter = guessDelimiter(text);
  let cells: string[][];
  try {
    cells = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw unreadable(`is not a readable CSV file (${(error as Error).message})`);
  }
  const table = toTable(cells);
  if (table.headers.filter((h) => h !== '').length < 2) {
    throw unreadable('has a single column: a date and an amount at least are needed, separated by ; , or a tab');
  }
  if (table.rows.length === 0) throw unreadable('has a header row and no lines');
  return { ...table, encoding, delimiter };
}
