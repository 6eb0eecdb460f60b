import { parseAmount } from './amount.ts';
import { parseDay } from './dates.ts';
import { statementLine } from './statement.ts';
import type { ParsedLine, Statement, Unparseable } from './statement.ts';
import { unreadable } from './unreadable.ts';

/**
 * OFX / QFX statements, both OFX 1 (SGML: leaf tags are not closed) and OFX 2 (XML). Hand-written
 * (about 50 lines) because the OFX parsers on npm are unmaintained or XML-only: this reads each
 * <STMTTRN> block's leaf values, which is all a statement import needs. FITID is the bank's id.
 */
const leaf = (block: string, tag: string) => {
  const match = new RegExp(`<${tag}>([^<\\r\\n]*)`, 'i').exec(block);
  return match ? decodeEntities(match[1]!.trim()) : '';
};

const decodeEntities = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|apos|nbsp);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' })[name]!,
  );

export function readOfx(text: string): Statement {
  if (!/<OFX>/i.test(text)) throw unreadable('is not an OFX file (no <OFX> element)');
  if (!/<\/OFX>/i.test(text)) throw unreadable('is a truncated OFX file (it does not end with </OFX>)');
  const currency = leaf(text, 'CURDEF') || 'EUR';
  const blocks = [...text.matchAll(/<STMTTRN>([\s\S]*?)(?:<\/STMTTRN>|(?=<STMTTRN>)|(?=<\/BANKTRANLIST>))/gi)].map((m) => m[1]!);
  const lines: ParsedLine[] = [];
  const unparseable: Unparseable[] = [];
  blocks.forEach((block, i) => {
    const row = i + 1;
    const date = parseDay(leaf(block, 'DTPOSTED') || leaf(block, 'DTUSER'));
    // OFX amounts use a dot, though some French banks write a comma.
    const raw = leaf(block, 'TRNAMT');
    const amount = raw.includes(',') ? parseAmount(raw, ',') : parseAmount(raw, '.');
    const name = leaf(block, 'NAME') || leaf(block, 'PAYEE');
    const memo = leaf(block, 'MEMO');
    const fail = (reason: string) => unparseable.push({ row, text: [raw, name, memo].filter(Boolean).join(' | '), reason });
    if (!date) return fail('no readable date');
    if (amount === null) return fail('no readable amount');
    lines.push(
      statementLine({
        row,
        date,
        amountCents: -amount,
        vendor: name || memo,
        label: memo,
        sourceRef: leaf(block, 'FITID'),
        currency: leaf(block, 'CURRENCY') || currency,
      }),
    );
  });
  if (blocks.length === 0) throw unreadable('is an OFX file without transactions');
  return { lines, unparseable, fields: ['DTPOSTED', 'TRNAMT', 'FITID', 'NAME', 'MEMO'] };
}
