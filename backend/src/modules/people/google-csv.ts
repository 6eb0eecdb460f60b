import { googleColumns, requiredGoogleColumns } from '@panoramix/contracts';
import { CsvError, parse } from 'csv-parse/sync';
import { badRequest } from '../../http/problem.ts';

export interface GoogleRecord {
  /** Line in the file where the row ends, the header being line 1. */
  line: number;
  name: string;
  lastName: string;
  email: string;
  left: boolean;
}

export type CsvEncoding = 'utf-8' | 'windows-1252';

const fileError = (message: string) => badRequest(`body.file: ${message}`, [{ path: 'body.file', message }]);

/**
 * Google's admin console writes UTF-8 (with a BOM); a file re-saved by Excel on Windows is
 * Windows-1252. A byte sequence that is valid UTF-8 is read as UTF-8, anything else as
 * Windows-1252: the validity test is exact where a statistical detector (chardet) guesses from
 * letter frequencies and misreads short files, and both decoders are the platform's (WHATWG
 * TextDecoder), so no library is needed.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    // ignoreBOM: false (the default) drops a leading UTF-8 BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The rows of a Google Workspace user export, or a 400 naming the missing columns or the broken line. */
export function readGoogleCsv(text: string): GoogleRecord[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof rows;
  } catch (error) {
    if (error instanceof CsvError) throw fileError(`not a readable CSV (line ${error.lines}: ${error.code})`);
    throw error;
  }
  const [head, ...records] = rows;
  if (!head) throw fileError('the file is empty');
  const header = head.record;
  const missing = requiredGoogleColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) throw fileError(`missing columns: ${missing.join(', ')}`);
  const at = (column: string) => header.indexOf(column);
  const [first, last, email, status] = [
    googleColumns.firstName,
    googleColumns.lastName,
    googleColumns.email,
    googleColumns.status,
  ].map(at);
  return records.map(({ record: cells, info }) => {
    const statusText = status! >= 0 ? (cells[status!] ?? '') : 'Active';
    return {
      line: info.lines,
      name: cells[first!] ?? '',
      lastName: cells[last!] ?? '',
      email: (cells[email!] ?? '').toLowerCase(),
      // Panorama: `left = status !== 'active'`; Google writes "Active" / "Suspended".
      left: statusText !== '' && statusText.toLowerCase() !== 'active',
    };
  });
}
