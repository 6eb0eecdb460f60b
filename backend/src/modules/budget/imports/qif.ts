import { parseAmount } from './amount.ts';
import { parseDay } from './dates.ts';
import { statementLine } from './statement.ts';
import type { ParsedLine, Statement, Unparseable } from './statement.ts';
import { unreadable } from './unreadable.ts';

/**
 * Quicken Interchange Format: one field per line (D date, T/U amount, P payee, M memo, L category),, `^` ends a transaction. Hand-written (about 40 lines): the npm QIF parsers are
 * unmaintained. Dates are US (`12/25'26`, `12/25/2026`) unless a day over 12 says otherwise.
 */
export function readQif(text: string): Statement {
  const records = text
    .split(/\r?\n\^\s*(?:\r?\n|$)/)
    .map((r) => r.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('!')))
    .filter((r) => r.length > 0);
  if (!/^!Type:|^D/m.test(text) || records.length === 0) throw unreadable('is not a QIF file');
  const field = (record: string[], code: string) =>
    record
      .find((l) => l.startsWith(code))
      ?.slice(1)
      .trim() ?? '';
  const dateOf = (raw: string) => raw.replace("'", '/').replace(/\s+/g, '');
  // US order unless some first part is over 12.
  const dayFirst = records.some((r) => Number(/^(\d{1,2})\D/.exec(dateOf(field(r, 'D')))?.[1] ?? 0) > 12);
  const lines: ParsedLine[] = [];
  const unparseable: Unparseable[] = [];
  records.forEach((record, i) => {
    const row = i + 1;
    const date = parseDay(dateOf(field(record, 'D')), dayFirst ? 'dmy' : 'mdy');
    const raw = field(record, 'T') || field(record, 'U');
    const amount = parseAmount(raw, raw.includes(',') && !raw.includes('.') ? ',' : '.');
    const payee = field(record, 'P');
    const memo = field(record, 'M');
    const fail = (reason: string) => unparseable.push({ row, text: record.join(' | ').slice(0, 300), reason });
    if (!date) return fail('no readable date');
    if (amount === null) return fail('no readable amount');
    if (!payee && !memo) return fail('no payee or memo');
    lines.push(
      statementLine({ row, date, amountCents: -amount, vendor: payee || memo, label: memo, category: field(record, 'L') }),
    );
  });
  return { lines, unparseable, fields: ['D', 'T', 'P', 'M', 'L', 'N'] };
}
