import { isDeepStrictEqual } from 'node:util';
import type { Types } from 'mongoose';
import { readFrames } from './archive.ts';
import type { PanoramaDoc } from './mapping.ts';
import { byTarget, prepare, refusedDocument } from './prepare.ts';
import type { Prepared } from './prepare.ts';
import { splitSecrets } from './secrets.ts';
import { digestOf, storedDigests } from './digests.ts';
import type { StoredDigests } from './digests.ts';
import { fetchExisting } from './writer.ts';
import { mapContext, scanArchive } from './scan.ts';

export interface Difference {
  collection: string;
  legacyId: string;
  /** A field name, or `(missing)` when the document is not in the database at all. */
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface VerifyReport {
  /** Per archive collection: documents in the file, found in the database, and how many differ. */
  collections: Record<string, { inArchive: number; found: number; different: number }>;
  /** Per collection written to: documents imported for the user (those with a legacyId) against what the archive gives. */
  targets: Record<string, { expected: number; inDatabase: number }>;
  differences: Difference[];
  /** All differences counted, also those beyond the samples kept. */
  differenceCount: number;
  clean: boolean;
}

const KEPT = 200;
const BATCH = 500;

/**
 * Re-reads the archive, maps every document as the import does and compares it with the database,
 * field by field: after a good import there is no difference (`verify-import`, issue 18).
 */
export async function verifyImport(options: {
  archive: string;
  userId: Types.ObjectId;
  timeZone: string;
  mapUsers?: ReadonlyMap<string, Types.ObjectId>;
}): Promise<VerifyReport> {
  const index = await scanArchive(options.archive);
  const ctx = mapContext({ ...options, index, mapUsers: options.mapUsers ?? new Map(), onFix: () => {} });
  const report: VerifyReport = { collections: {}, targets: {}, differences: [], differenceCount: 0, clean: false };
  let batch: { collection: string; archiveCollection: string; prepared: Prepared }[] = [];
  /** Per collection written to, what the user has there: one read each (digests.ts). */
  const reads = new Map<string, StoredDigests>();

  const differ = (difference: Difference) => {
    report.differenceCount++;
    if (report.differences.length < KEPT) report.differences.push(difference);
  };

  async function flush() {
    const groups = byTarget(batch);
    batch = [];
    for (const [target, items] of groups) {
      let read = reads.get(target);
      if (!read) reads.set(target, (read = await storedDigests(target, options.userId)));
      const stored = read.digests;
      // Only the documents whose digest differs are read back, to name their different fields.
      const present = items.filter((i) => stored.has(String(i.prepared.doc._id)));
      for (const { archiveCollection, prepared } of items) {
        if (stored.has(String(prepared.doc._id))) continue;
        const legacyId = String(prepared.doc.legacyId);
        differ({ collection: archiveCollection, legacyId, field: '(missing)', expected: prepared.doc, actual: null });
        report.collections[archiveCollection]!.different++;
      }
      const differing = present.filter((i) => stored.get(String(i.prepared.doc._id)) !== digestOf(i.prepared.doc));
      for (const { archiveCollection } of present) report.collections[archiveCollection]!.found++;
      const byId = await fetchExisting(
        target,
        differing.map((i) => i.prepared.doc._id),
      );
      for (const { archiveCollection, prepared } of differing) {
        const counts = report.collections[archiveCollection]!;
        const legacyId = String(prepared.doc.legacyId);
        // Deleted since its digest was read: said as a field difference like any other.
        const actual = (byId.get(String(prepared.doc._id)) ?? {}) as Record<string, unknown>;
        let same = true;
        for (const field of new Set([...Object.keys(prepared.doc), ...Object.keys(actual)])) {
          if (isDeepStrictEqual(prepared.doc[field], actual[field])) continue;
          same = false;
          differ({ collection: archiveCollection, legacyId, field, expected: prepared.doc[field], actual: actual[field] });
        }
        if (!same) counts.different++;
      }
    }
  }

  for await (const frame of readFrames(options.archive)) {
    if ('type' in frame) continue;
    const counts = (report.collections[frame.collection] ??= { inArchive: 0, found: 0, different: 0 });
    counts.inArchive++;
    const doc = frame.doc as PanoramaDoc;
    // As the import writes it: preferences without their secrets, a refused document in the holding collection.
    const source = frame.collection === 'appPreferences' ? ({ ...splitSecrets(doc).rest, _id: doc._id } as PanoramaDoc) : doc;
    let prepared = await prepare(frame.collection, source, ctx);
    if (prepared.invalid) prepared = refusedDocument(frame.collection, doc, options.userId, prepared.invalid);
    const target = (report.targets[prepared.collection] ??= { expected: 0, inDatabase: 0 });
    target.expected++;
    batch.push({ collection: prepared.collection, archiveCollection: frame.collection, prepared });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  // Counted in the digests' read: a countDocuments would scan each collection once more on FerretDB.
  for (const [name, target] of Object.entries(report.targets)) target.inDatabase = reads.get(name)?.imported ?? 0;
  const countsMatch = Object.values(report.targets).every((t) => t.expected === t.inDatabase);
  report.clean = report.differenceCount === 0 && countsMatch;
  return report;
}

export function formatVerify(report: VerifyReport): string {
  const lines = Object.entries(report.collections).map(
    ([name, c]) => `${name}: ${c.inArchive} in the archive, ${c.found} found, ${c.different} different`,
  );
  for (const [name, t] of Object.entries(report.targets)) {
    if (t.expected !== t.inDatabase)
      lines.push(`${name}: ${t.inDatabase} imported documents in the database, the archive gives ${t.expected}`);
  }
  for (const d of report.differences) {
    lines.push(
      `${d.collection} ${d.legacyId} ${d.field}: expected ${JSON.stringify(d.expected)}, found ${JSON.stringify(d.actual)}`,
    );
  }
  if (report.differenceCount > report.differences.length)
    lines.push(`… ${report.differenceCount - report.differences.length} more`);
  lines.push(
    report.clean
      ? 'verified: the database holds the archive, field by field'
      : `NOT verified: ${report.differenceCount} difference(s)`,
  );
  return lines.join('\n');
}
