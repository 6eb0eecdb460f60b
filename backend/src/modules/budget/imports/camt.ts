import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAmount } from './amount.ts';
import { parseDay } from './dates.ts';
import { statementLine } from './statement.ts';
import type { ParsedLine, Statement, Unparseable } from './statement.ts';
import { unreadable } from './unreadable.ts';

/**
 * ISO 20022 CAMT.053 (bank to customer statement). A statement never needs a DTD, so any
 * `<!DOCTYPE` or `<!ENTITY` is refused before parsing: no entity expansion (the billion laughs)
 * and no external entity can be read. The parser itself runs with entities off as well.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  isArray: (name) => ['Stmt', 'Ntry', 'TxDtls', 'Ustrd'].includes(name),
});

type Node = Record<string, unknown>;
const at = (node: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Node)[key] : undefined), node);
const textOf = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(' ');
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  return String(value).trim();
};

export function readCamt(text: string): Statement {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw unreadable('declares a DTD or entities, which a CAMT.053 statement never needs: refused');
  if (XMLValidator.validate(text) !== true) throw unreadable('is not well-formed XML');
  const statements = at(parser.parse(text), 'Document', 'BkToCstmrStmt', 'Stmt');
  if (!Array.isArray(statements)) throw unreadable('is not a CAMT.053 statement (no BkToCstmrStmt/Stmt)');
  const lines: ParsedLine[] = [];
  const unparseable: Unparseable[] = [];
  let row = 0;
  for (const statement of statements) {
    for (const entry of (at(statement, 'Ntry') as Node[] | undefined) ?? []) {
      row++;
      const tx = (at(entry, 'NtryDtls', 'TxDtls') as Node[] | undefined)?.[0];
      const amountNode = at(entry, 'Amt');
      const amount = parseAmount(textOf(amountNode), '.');
      const debit = textOf(at(entry, 'CdtDbtInd')) !== 'CRDT';
      const date = parseDay(
        textOf(at(entry, 'BookgDt', 'Dt')) || textOf(at(entry, 'BookgDt', 'DtTm')) || textOf(at(entry, 'ValDt', 'Dt')),
      );
      // The other party: who was paid for money out, who paid for money in.
      const party =
        textOf(at(tx, 'RltdPties', debit ? 'Cdtr' : 'Dbtr', 'Nm')) ||
        textOf(at(tx, 'RltdPties', debit ? 'Cdtr' : 'Dbtr', 'Pty', 'Nm'));
      const label = textOf(at(tx, 'RmtInf', 'Ustrd')) || textOf(at(entry, 'AddtlNtryInf'));
      const endToEnd = textOf(at(tx, 'Refs', 'EndToEndId'));
      const sourceRef = textOf(at(entry, 'AcctSvcrRef')) || (endToEnd !== 'NOTPROVIDED' ? endToEnd : '');
      const fail = (reason: string) =>
        unparseable.push({ row, text: [textOf(amountNode), party, label].filter(Boolean).join(' | '), reason });
      if (!date) {
        fail('no readable date');
        continue;
      }
      if (amount === null) {
        fail('no readable amount');
        continue;
      }
      const currency = textOf(at(amountNode, '@Ccy')) || 'EUR';
      lines.push(
        statementLine({ row, date, amountCents: debit ? amount : -amount, vendor: party || label, label, sourceRef, currency }),
      );
    }
  }
  if (row === 0) throw unreadable('is a CAMT.053 statement without entries');
  return { lines, unparseable, fields: ['BookgDt', 'Amt', 'CdtDbtInd', 'AcctSvcrRef', 'EndToEndId', 'Cdtr/Dbtr', 'Ustrd'] };
}
