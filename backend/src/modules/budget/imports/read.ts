import { readCamt } from './camt.ts';
import { readCsv } from './csv.ts';
import { readOfx } from './ofx.ts';
import { readQif } from './qif.ts';
import type { Statement } from './statement.ts';
import type { Table } from './table.ts';
import { decodeText } from './text.ts';
import { unreadable } from './unreadable.ts';
import { readXlsx } from './xlsx.ts';

export type ImportFormat = 'csv' | 'xlsx' | 'ofx' | 'qif' | 'camt053';

/** What a file holds: a table that needs a column mapping, or a statement that does not. */
export type ReadFile =
  | { format: 'csv' | 'xlsx'; table: Table; encoding: string | null; delimiter: string | null }
  | { format: 'ofx' | 'qif' | 'camt053'; statement: Statement; encoding: string };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format from the content first (a ZIP is a workbook, `<OFX>` a statement…), the name's extension last. */
export function detectFormat(fileName: string, bytes: Buffer): ImportFormat {
  if (bytes.subarray(0, 4).equals(ZIP)) return 'xlsx';
  const head = bytes.subarray(0, 4096).toString('latin1');
  if (/<OFX>|OFXHEADER/i.test(head)) return 'ofx';
  if (/<\?xml|<Document/i.test(head)) return 'camt053';
  if (/^\s*!Type:/i.test(head)) return 'qif';
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'ofx' || extension === 'qfx') return 'ofx';
  if (extension === 'qif') return 'qif';
  if (extension === 'xlsx') throw unreadable('is named .xlsx but is not an Excel workbook');
  return 'csv';
}

export async function readFile(fileName: string, bytes: Buffer): Promise<ReadFile> {
  if (bytes.length === 0) throw unreadable('is empty');
  const format = detectFormat(fileName, bytes);
  if (format === 'xlsx') return { format, table: await readXlsx(bytes), encoding: null, delimiter: null };
  if (format === 'csv') {
    const { encoding, delimiter, ...table } = readCsv(bytes);
    return { format, table, encoding, delimiter };
  }
  const { text, encoding } = decodeText(bytes);
  const read = { ofx: readOfx, qif: readQif, camt053: readCamt }[format];
  return { format, statement: read(text), encoding };
}
