import { readFile } from 'node:fs/promises';
import { badRequest } from '../../http/problem.ts';
import { IcsSyntaxError, parseIcs } from './ics-parser.ts';

/** An uploaded `.ics` read as iCalendar (UTF-8, a BOM tolerated); anything else answers 400 naming the file part. */
export async function readIcsFile(filePath: string, options: { timeZone: string | null }) {
  const text = (await readFile(filePath, 'utf8')).replace(/^\uFEFF/, '');
  try {
    return parseIcs(text, options);
  } catch (error) {
    if (!(error instanceof IcsSyntaxError)) throw error;
    throw badRequest(`file: ${error.message}`, [{ path: 'file', message: error.message }]);
  }
}
