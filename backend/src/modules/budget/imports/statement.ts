/** One line read from any file, before dedup: amounts already in cents, an expense positive. */
export interface ParsedLine {
  /** Where it was in the file (row or transaction number), for the report. */
  row: number;
  date: string;
  amountCents: number;
  vendor: string;
  label: string;
  sourceRef: string;
  currency: string;
  vatCents: number | null;
  invoiceNumber: string;
  category: string;
}

/** A line the importer could not read, with why: the report shows some of them. */
export interface Unparseable {
  row: number;
  text: string;
  reason: string;
}

/** A bank statement (OFX, QIF, CAMT.053): its lines need no column mapping. */
export interface Statement {
  lines: ParsedLine[];
  unparseable: Unparseable[];
  /** The fields the format carries, shown in the preview as a table's headers would be. */
  fields: string[];
}

export const statementLine = (
  line: Partial<ParsedLine> & Pick<ParsedLine, 'row' | 'date' | 'amountCents' | 'vendor'>,
): ParsedLine => ({
  label: '',
  sourceRef: '',
  currency: 'EUR',
  vatCents: null,
  invoiceNumber: '',
  category: '',
  ...line,
});
