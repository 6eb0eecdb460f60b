/**
 * Which imported lines are new, which are duplicates and which reconcile a line entered by hand.
 * Pure: the service hands in the incoming rows and the user's live lines (deleted lines live in
 * the trash, not here, so they never block a re-import), and writes what this decides.
 *
 * Identity, as Firefly III does it first: the bank's transaction id (OFX FITID, CAMT
 * AcctSvcrRef/EndToEndId) when the file has one; else Panorama's key `date|amountCents|vendor`,
 * lowercased with whitespace collapsed. A line with an id still duplicates an id-less line of the
 * same key (the same transaction imported earlier from a CSV), but two lines with different ids
 * never duplicate each other: two coffees on one day at one café are two lines.
 */

export interface KeyedLine {
  date: string;
  amountCents: number;
  vendor: string;
  sourceRef: string;
}

export interface ExistingLine extends KeyedLine {
  id: string;
  source: 'manual' | 'import';
  reconciled: boolean;
  invoiceNumber: string;
}

export interface IgnoreRules {
  vendors: ReadonlySet<string>; // normalised vendor names
  keys: ReadonlySet<string>; // dedupe keys of ignored lines
  refs: ReadonlySet<string>; // bank ids of ignored lines
}

export type Decision =
  { kind: 'new' } | { kind: 'duplicate'; of: 'batch' | 'existing' } | { kind: 'ignored' } | { kind: 'reconcile'; lineId: string };

/** Days either side within which a hand-entered line and the bank's line are the same expense. */
export const RECONCILE_DAYS = 2;

export const normalizeVendor = (vendor: string) => vendor.toLowerCase().replace(/\s+/g, ' ').trim();

export const dedupeKey = (line: Omit<KeyedLine, 'sourceRef'>) =>
  `${line.date}|${line.amountCents}|${normalizeVendor(line.vendor)}`.toLowerCase();

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;

/** Letters and digits only, accents dropped: `Amazon.fr` and `AMAZON FR` compare equal. */
const squash = (vendor: string) =>
  vendor
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, ' ')
    .trim();

// Words banks add around the merchant's name: card payment, transfer, direct debit…
const NOISE = new Set(['cb', 'carte', 'prlv', 'sepa', 'vir', 'virement', 'paiement', 'achat', 'pay', 'payment', 'card', 'fr']);
const words = (vendor: string) =>
  squash(vendor)
    .split(' ')
    .filter((w) => w.length > 1 && !NOISE.has(w) && !/^\d+$/.test(w));

/**
 * Whether two spellings name the same vendor: equal once squashed, one containing the other
 * (`Amazon` in `CB AMAZON PAYMENTS 12/11`), or sharing half their meaningful words.
 */
export function similarVendors(a: string, b: string): boolean {
  const [x, y] = [squash(a), squash(b)];
  if (x === '' || y === '') return false;
  if (x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `)) return true;
  const [wa, wb] = [new Set(words(a)), new Set(words(b))];
  if (wa.size === 0 || wb.size === 0) return false;
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared / Math.min(wa.size, wb.size) >= 0.5;
}

function isIgnored(line: KeyedLine, key: string, ignores: IgnoreRules) {
  return (
    ignores.vendors.has(normalizeVendor(line.vendor)) ||
    ignores.keys.has(key) ||
    (line.sourceRef !== '' && ignores.refs.has(line.sourceRef))
  );
}

/** Lookup tables over the lines already there, built once per import. */
function indexExisting(existing: readonly ExistingLine[]) {
  const refs = new Set<string>();
  const keys = new Map<string, boolean>(); // key → some line with it has no bank id
  const manualByAmount = new Map<number, ExistingLine[]>();
  for (const line of existing) {
    if (line.sourceRef) refs.add(line.sourceRef);
    const key = dedupeKey(line);
    keys.set(key, (keys.get(key) ?? false) || !line.sourceRef);
    if (line.source === 'manual' && !line.reconciled && !line.sourceRef) {
      const list = manualByAmount.get(line.amountCents) ?? [];
      list.push(line);
      manualByAmount.set(line.amountCents, list);
    }
  }
  return { refs, keys, manualByAmount };
}

/** Decides, row by row and in file order, what an import does with each incoming line. */
export function planImport(incoming: readonly KeyedLine[], existing: readonly ExistingLine[], ignores: IgnoreRules): Decision[] {
  const known = indexExisting(existing);
  const batchRefs = new Set<string>();
  const batchKeys = new Map<string, boolean>();
  const claimed = new Set<string>(); // a hand-entered line reconciles one bank line, not two
  return incoming.map((line): Decision => {
    const key = dedupeKey(line);
    if (isIgnored(line, key, ignores)) return { kind: 'ignored' };
    const duplicateIn = (refs: Set<string>, keys: Map<string, boolean>) =>
      line.sourceRef ? refs.has(line.sourceRef) || keys.get(key) === true : keys.has(key);
    if (duplicateIn(batchRefs, batchKeys)) return { kind: 'duplicate', of: 'batch' };
    if (line.sourceRef) batchRefs.add(line.sourceRef);
    batchKeys.set(key, (batchKeys.get(key) ?? false) || !line.sourceRef);
    if (duplicateIn(known.refs, known.keys)) return { kind: 'duplicate', of: 'existing' };
    const manual = (known.manualByAmount.get(line.amountCents) ?? [])
      .filter((m) => !claimed.has(m.id) && m.date !== '' && line.date !== '' && daysBetween(m.date, line.date) <= RECONCILE_DAYS)
      .filter((m) => similarVendors(m.vendor, line.vendor))
      .sort((a, b) => daysBetween(a.date, line.date) - daysBetween(b.date, line.date))[0];
    if (manual) {
      claimed.add(manual.id);
      return { kind: 'reconcile', lineId: manual.id };
    }
    return { kind: 'new' };
  });
}

export type MatchKind = 'hash' | 'invoiceNumber' | 'sumVendorDate' | 'fuzzyVendorAmount' | 'none';

/**
 * Panorama's `checkDuplicate` cascade for the *Vérifier* view: the first rule that matches wins.
 * Same key → same invoice number → lines of the same vendor within ±`days` whose amounts add up
 * to this one (an invoice paid in several card payments) → (information only) a similar vendor
 * with the same amount, any day.
 */
export function checkDuplicate(
  line: ExistingLine,
  others: readonly ExistingLine[],
  days = RECONCILE_DAYS,
): { matchKind: MatchKind; ids: string[] } {
  const rest = others.filter((o) => o.id !== line.id);
  const key = dedupeKey(line);
  const sameKey = rest.filter((o) => dedupeKey(o) === key);
  if (sameKey.length > 0) return { matchKind: 'hash', ids: sameKey.map((o) => o.id) };
  const invoice = line.invoiceNumber.trim().toLowerCase();
  if (invoice) {
    const sameInvoice = rest.filter((o) => o.invoiceNumber.trim().toLowerCase() === invoice);
    if (sameInvoice.length > 0) return { matchKind: 'invoiceNumber', ids: sameInvoice.map((o) => o.id) };
  }
  const vendor = normalizeVendor(line.vendor);
  if (line.date) {
    const near = rest.filter(
      (o) => normalizeVendor(o.vendor) === vendor && o.date !== '' && daysBetween(o.date, line.date) <= days,
    );
    if (near.length > 0 && near.reduce((sum, o) => sum + o.amountCents, 0) === line.amountCents) {
      return { matchKind: 'sumVendorDate', ids: near.map((o) => o.id) };
    }
  }
  const fuzzy = rest.filter((o) => o.amountCents === line.amountCents && similarVendors(o.vendor, line.vendor));
  if (fuzzy.length > 0) return { matchKind: 'fuzzyVendorAmount', ids: fuzzy.map((o) => o.id) };
  return { matchKind: 'none', ids: [] };
}
