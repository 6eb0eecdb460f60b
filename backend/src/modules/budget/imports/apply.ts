import type { BudgetImport } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { ONE_BATCH } from '../../../lib/filters.ts';
import { enqueue } from '../../../ml/index/queue.ts';
import { book } from '../books/books.ts';
import { existingOf, keyBucket, readKeys } from '../books/keys.ts';
import { readRules } from '../books/rules.ts';
import { planImport } from '../dedup.ts';
import type { Decision } from '../dedup.ts';
import { derivedFields } from '../lines/dto.ts';
import { BudgetLineModel } from '../lines/model.ts';
import type { BudgetLineDoc } from '../lines/model.ts';
import { budgetSearch } from '../search.ts';
import { ignoreRules } from '../vendors.ts';
import type { BudgetImportDoc } from './model.ts';
import type { ParsedLine, Unparseable } from './statement.ts';

type Report = NonNullable<BudgetImport['report']>;
type Sample = Report['samples']['duplicates'][number];

const CHUNK = 1000;
const SAMPLES = 5;

const sampleOf = (line: ParsedLine, reason: string): Sample => ({
  row: line.row,
  text: `${line.date} | ${line.vendor} | ${(line.amountCents / 100).toFixed(2)}`,
  reason,
});

const DAY_MS = 86_400_000;

/** The key documents a line may match in: its year's, and those a reconciliation two days away reaches. */
function bucketsNear(lines: readonly ParsedLine[]) {
  const buckets = new Set<string>();
  for (const line of lines) {
    buckets.add(keyBucket(line.date));
    const day = Date.parse(line.date);
    if (Number.isNaN(day)) continue;
    for (const shift of [-2, 2]) buckets.add(keyBucket(new Date(day + shift * DAY_MS).toISOString()));
  }
  return buckets;
}

/** Milliseconds each step of an import took, logged with its report: what to look at when an import is slow. */
export type ImportSteps = Record<'parse' | 'plan' | 'insert' | 'progress' | 'books' | 'reconcile' | 'queue', number>;

export async function timed<T>(steps: Partial<ImportSteps>, step: keyof ImportSteps, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    steps[step] = Math.round((steps[step] ?? 0) + performance.now() - started);
  }
}

/**
 * Queues the lines for search in one write: not an event per line through the bus (10,000 of them).
 * After the writes, so the indexer does not compete with them; a crash before this is repaired by
 * the search reconciliation.
 */
export const queueForSearch = (ids: readonly unknown[]) =>
  enqueue(ids.map((id) => ({ kind: budgetSearch.kind, id: String(id) })));

/**
 * Writes an import: new lines in chunks of 1000 (progress after each), hand-entered lines the
 * bank confirmed take the bank's date and id. Dedup reads the user's keys of the years the file
 * covers, a document a year by `_id` (books/keys.ts), not the lines: on FerretDB reading 50,000
 * lines took 80 s. A bank id is thus matched within those years, where its line is dated.
 */
export async function applyImport(
  doc: BudgetImportDoc,
  parsed: { lines: ParsedLine[]; unparseable: Unparseable[] },
  progress: (done: number, total: number) => Promise<void>,
  steps: Partial<ImportSteps> = {},
): Promise<{ report: Report; written: Types.ObjectId[] }> {
  const userId = String(doc.userId);
  const { decisions, fresh, rules } = await timed(steps, 'plan', async () => {
    const existing = existingOf(await readKeys(userId, bucketsNear(parsed.lines)));
    const decisions = planImport(parsed.lines, existing, await ignoreRules(userId));
    const fresh = parsed.lines.filter((_, i) => decisions[i]!.kind === 'new');
    const rules = await readRules(
      userId,
      fresh.map((line) => derivedFields(line).vendorKey),
    );
    return { decisions, fresh, rules };
  });
  const now = new Date();
  const docs = fresh.map((line) => {
    const derived = derivedFields(line);
    const rule = rules.get(derived.vendorKey);
    return {
      _id: new Types.ObjectId(),
      userId: doc.userId,
      date: line.date,
      vendor: line.vendor,
      label: line.label,
      amountCents: line.amountCents,
      vatCents: line.vatCents,
      currency: line.currency,
      category: line.category,
      autoCategory: '',
      analyticsCategory: '',
      analyticsWeight: null,
      department: rule?.department ?? null,
      team: rule?.team ?? null,
      projectId: null,
      invoiceId: '',
      invoiceNumber: line.invoiceNumber,
      publicFileUrl: '',
      sourceRef: line.sourceRef,
      notes: '',
      source: 'import',
      importId: doc._id,
      importFile: doc.fileName,
      importedAt: now,
      reconciledAt: null,
      reconciledBy: null,
      dateBeforeReconcile: null,
      ...derived,
      createdAt: now,
      updatedAt: now,
    };
  });
  const total = docs.length;
  for (let start = 0; start < total; start += CHUNK) {
    // Raw inserts: the documents are complete, and Mongoose's casting of 10,000 of them costs seconds.
    await timed(steps, 'insert', () =>
      BudgetLineModel.collection.insertMany(docs.slice(start, start + CHUNK), { ordered: false }),
    );
    await timed(steps, 'progress', () => progress(Math.min(total, start + CHUNK), total));
  }
  if (total === 0) await progress(0, 0);
  // Once for the whole file, a write per key year and total month: per chunk, each would be written again and again.
  await timed(steps, 'books', () => book(userId, [], docs));
  const reconciled = await timed(steps, 'reconcile', () => reconcile(doc, parsed.lines, decisions));
  const pick = (kind: Decision['kind'], reason: (d: Decision) => string) =>
    parsed.lines.flatMap((line, i) => (decisions[i]!.kind === kind ? [sampleOf(line, reason(decisions[i]!))] : []));
  const duplicates = pick('duplicate', (d) =>
    d.kind === 'duplicate' && d.of === 'batch' ? 'repeated in this file' : 'already imported',
  );
  const ignored = pick('ignored', () => 'on the ignore list');
  const report = {
    imported: total,
    reconciled: reconciled.length,
    duplicates: duplicates.length,
    ignored: ignored.length,
    unparseable: parsed.unparseable.length,
    samples: {
      duplicates: duplicates.slice(0, SAMPLES),
      ignored: ignored.slice(0, SAMPLES),
      unparseable: parsed.unparseable.slice(0, SAMPLES),
    },
  };
  // For search once the report is out (`queueForSearch`): the user does not wait for the index to be told.
  return { report, written: [...docs.map((d) => d._id), ...reconciled] };
}

/** The bank's date wins on a reconciled line; the line keeps what the person typed otherwise. */
async function reconcile(doc: BudgetImportDoc, lines: ParsedLine[], decisions: Decision[]) {
  const userId = String(doc.userId);
  const done: Types.ObjectId[] = [];
  for (const [i, decision] of decisions.entries()) {
    if (decision.kind !== 'reconcile') continue;
    const line = lines[i]!;
    // By lone `_id`, the read FerretDB does not scan for; the key came from this user's books.
    const manual = (await BudgetLineModel.collection.findOne({
      _id: new Types.ObjectId(decision.lineId),
    })) as BudgetLineDoc | null;
    if (!manual || String(manual.userId) !== userId) continue; // deleted meanwhile
    const set = {
      date: line.date,
      ...derivedFields({ ...manual, date: line.date }),
      sourceRef: line.sourceRef,
      reconciledAt: new Date(),
      reconciledBy: doc._id,
      dateBeforeReconcile: manual.date,
      updatedAt: new Date(),
    };
    // Conditional on not yet reconciled: a concurrent import of the same line reconciles it once.
    const { modifiedCount } = await BudgetLineModel.updateOne({ _id: manual._id, userId, reconciledAt: null }, { $set: set });
    if (modifiedCount === 0) continue;
    await book(userId, [manual], [{ ...manual, ...set }]);
    done.push(manual._id);
  }
  return done;
}

/** Undoes an import: its lines go, the hand-entered lines it reconciled get their own date back. */
export async function revertImport(userId: string, importId: Types.ObjectId) {
  const imported = await BudgetLineModel.find({ userId, importId }).batchSize(ONE_BATCH).lean<BudgetLineDoc[]>();
  await book(userId, imported, []); // before the delete: a crash between leaves no key of a line that is gone
  const { deletedCount } = await BudgetLineModel.deleteMany({ userId, importId });
  const reconciled = await BudgetLineModel.find({ userId, reconciledBy: importId }).batchSize(ONE_BATCH).lean<BudgetLineDoc[]>();
  for (const line of reconciled) {
    const date = line.dateBeforeReconcile ?? line.date;
    const set = {
      date,
      ...derivedFields({ ...line, date }),
      sourceRef: '',
      reconciledAt: null,
      reconciledBy: null,
      dateBeforeReconcile: null,
      updatedAt: new Date(),
    };
    await BudgetLineModel.updateOne({ _id: line._id, userId }, { $set: set });
    await book(userId, [line], [{ ...line, ...set }]);
  }
  await queueForSearch([...imported, ...reconciled].map((line) => line._id));
  return deletedCount + reconciled.length;
}
