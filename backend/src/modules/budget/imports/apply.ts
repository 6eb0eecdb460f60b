import type { BudgetImport } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { ONE_BATCH } from '../../../lib/filters.ts';
import { planImport } from '../dedup.ts';
import type { Decision } from '../dedup.ts';
import { dedupFields, derivedFields, toExistingLine } from '../lines/dto.ts';
import { BudgetLineModel } from '../lines/model.ts';
import type { BudgetLineDoc } from '../lines/model.ts';
import { ignoreRules, rulesOf } from '../vendors.ts';
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

/**
 * Writes an import: new lines in chunks of 1000 (progress after each), hand-entered lines the
 * bank confirmed take the bank's date and id. The user's live lines are read once, as dedup needs
 * them all (FerretDB would scan the collection for any narrower query anyway), in one batch:
 * on FerretDB each further batch (getMore) runs the scan again, which made 50,000 lines take 80 s.
 */
export async function applyImport(
  doc: BudgetImportDoc,
  parsed: { lines: ParsedLine[]; unparseable: Unparseable[] },
  progress: (done: number, total: number) => Promise<void>,
): Promise<Report> {
  const userId = String(doc.userId);
  const existing = await BudgetLineModel.find({ userId }, dedupFields).batchSize(ONE_BATCH).lean<BudgetLineDoc[]>();
  const decisions = planImport(parsed.lines, existing.map(toExistingLine), await ignoreRules(userId));
  const fresh = parsed.lines.filter((_, i) => decisions[i]!.kind === 'new');
  const rules = rulesOf(existing);
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
    await BudgetLineModel.collection.insertMany(docs.slice(start, start + CHUNK), { ordered: false });
    await progress(Math.min(total, start + CHUNK), total);
  }
  if (total === 0) await progress(0, 0);
  const reconciled = await reconcile(doc, parsed.lines, decisions, existing);
  const pick = (kind: Decision['kind'], reason: (d: Decision) => string) =>
    parsed.lines.flatMap((line, i) => (decisions[i]!.kind === kind ? [sampleOf(line, reason(decisions[i]!))] : []));
  const duplicates = pick('duplicate', (d) =>
    d.kind === 'duplicate' && d.of === 'batch' ? 'repeated in this file' : 'already imported',
  );
  const ignored = pick('ignored', () => 'on the ignore list');
  return {
    imported: total,
    reconciled,
    duplicates: duplicates.length,
    ignored: ignored.length,
    unparseable: parsed.unparseable.length,
    samples: {
      duplicates: duplicates.slice(0, SAMPLES),
      ignored: ignored.slice(0, SAMPLES),
      unparseable: parsed.unparseable.slice(0, SAMPLES),
    },
  };
}

/** The bank's date wins on a reconciled line; the line keeps what the person typed otherwise. */
async function reconcile(doc: BudgetImportDoc, lines: ParsedLine[], decisions: Decision[], existing: BudgetLineDoc[]) {
  const byId = new Map(existing.map((l) => [String(l._id), l]));
  let count = 0;
  for (const [i, decision] of decisions.entries()) {
    if (decision.kind !== 'reconcile') continue;
    const line = lines[i]!;
    const manual = byId.get(decision.lineId)!;
    // Conditional on not yet reconciled: a concurrent import of the same line reconciles it once.
    const { modifiedCount } = await BudgetLineModel.updateOne(
      { _id: manual._id, userId: doc.userId, reconciledAt: null },
      {
        $set: {
          date: line.date,
          ...derivedFields({ ...manual, date: line.date }),
          sourceRef: line.sourceRef,
          reconciledAt: new Date(),
          reconciledBy: doc._id,
          dateBeforeReconcile: manual.date,
        },
      },
    );
    count += modifiedCount;
  }
  return count;
}

/** Undoes an import: its lines go, the hand-entered lines it reconciled get their own date back. */
export async function revertImport(userId: string, importId: Types.ObjectId) {
  const { deletedCount } = await BudgetLineModel.deleteMany({ userId, importId });
  const reconciled = await BudgetLineModel.find({ userId, reconciledBy: importId }).batchSize(ONE_BATCH).lean<BudgetLineDoc[]>();
  for (const line of reconciled) {
    const date = line.dateBeforeReconcile ?? line.date;
    await BudgetLineModel.updateOne(
      { _id: line._id, userId },
      {
        $set: {
          date,
          ...derivedFields({ ...line, date }),
          sourceRef: '',
          reconciledAt: null,
          reconciledBy: null,
          dateBeforeReconcile: null,
        },
      },
    );
  }
  return deletedCount + reconciled.length;
}
