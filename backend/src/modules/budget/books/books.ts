import { dedupeKey } from '../dedup.ts';
import type { KeyEntry } from './keys.ts';
import { changeKeys, keyBucket } from './keys.ts';
import { recordRules } from './rules.ts';
import type { RuledLine } from './rules.ts';
import { addSums, incrementsOf } from './sums.ts';
import type { SummedLine } from './sums.ts';

/** What the books read of a line. */
export type BookedLine = SummedLine &
  RuledLine & {
    _id: unknown;
    sourceRef: string;
    source: string;
    reconciledAt?: Date | null;
  };

/** The projection that reads a `BookedLine`. */
export const bookedFields = {
  date: 1,
  vendor: 1,
  vendorKey: 1,
  amountCents: 1,
  vatCents: 1,
  team: 1,
  department: 1,
  category: 1,
  projectId: 1,
  sourceRef: 1,
  source: 1,
  reconciledAt: 1,
  updatedAt: 1,
} as const;

/** A hand-entered line not yet matched to the bank's, and with no bank id, may still be reconciled. */
export const keyEntryOf = (line: BookedLine): KeyEntry => [
  line.source === 'manual' && !line.reconciledAt && !line.sourceRef ? 1 : 0,
  line.sourceRef,
  dedupeKey(line),
];

/**
 * Brings the books in step with a write: `removed` are the lines as they were, `added` as they
 * are now (an edit is in both). Call it after a write that adds or changes lines, and before one
 * that removes them: a crash in between then leaves books that miss a line, never a key that
 * blocks re-importing a line no longer there (the nightly rebuild puts the totals right).
 */
export async function book(userId: string, removed: readonly BookedLine[], added: readonly BookedLine[]) {
  if (removed.length === 0 && added.length === 0) return;
  const keyChanges = new Map<string, Map<string, KeyEntry | null>>();
  const change = (date: string, id: string, entry: KeyEntry | null) => {
    const bucket = keyChanges.get(keyBucket(date)) ?? new Map<string, KeyEntry | null>();
    bucket.set(id, entry);
    keyChanges.set(keyBucket(date), bucket);
  };
  for (const line of removed) change(line.date, String(line._id), null);
  for (const line of added) change(line.date, String(line._id), keyEntryOf(line));
  await Promise.all([
    changeKeys(userId, keyChanges),
    addSums(
      userId,
      incrementsOf([
        ...removed.map((line) => ({ line, sign: -1 as const })),
        ...added.map((line) => ({ line, sign: 1 as const })),
      ]),
    ),
    recordRules(userId, added),
  ]);
}
