import type { PanoramaImportReasonCode } from '@panoramix/contracts';
import { reasonText } from './reasons.ts';
import type { Reason } from './reasons.ts';

/** What one collection of the archive became; the report keeps a few samples per reason. */
export interface CollectionReport {
  /** Where its documents went: a collection of ours, or the holding collection. */
  target: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /**
   * Per reason (skipped documents, or fixes made on the way), keyed by its English text: its code
   * and parameters (which the panel translates), how many and the first legacy ids.
   */
  issues: Record<string, { code: PanoramaImportReasonCode; params: Record<string, string>; count: number; samples: string[] }>;
  /** Fields the mapping does not know, kept under `extra`: how many documents had each. */
  unknownFields: Record<string, number>;
}

export interface ImportReport {
  archive: string;
  username: string;
  startedAt: string;
  finishedAt: string | null;
  collections: Record<string, CollectionReport>;
  /** Project members with no account here, kept as pending (resolved by `--map-user` on a re-run). */
  pendingMembers: { legacyUserId: string; projects: number }[];
  /** appPreferences secrets: where each went. */
  secrets: { name: string; action: 'stored' | 'dropped' }[];
  /** Files whose bytes were not found in the files folder (or no folder was given). */
  missingFiles: { legacyId: string; storedFileName: string }[];
  /** Documents kept in `panorama_pending` because no module of ours imports them. */
  held: number;
  /** Items this run wrote and queued for the search index (the app indexes them in the background). */
  searchQueued: number;
  /** Whether anything was skipped or lost: the CLI's exit code. */
  clean: boolean;
}

const SAMPLES = 5;

export function newCollectionReport(target: string): CollectionReport {
  return { target, read: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0, issues: {}, unknownFields: {} };
}

export function note(report: CollectionReport, why: Reason, legacyId: string, text = reasonText(why)) {
  const issue = (report.issues[text] ??= { code: why.code, params: why.params ?? {}, count: 0, samples: [] });
  issue.count++;
  if (issue.samples.length < SAMPLES) issue.samples.push(legacyId);
}

/**
 * Skipped documents or missing file bytes make a run not clean: something did not arrive where it
 * belongs. Held documents alone do not: they are kept whole and listed.
 */
export function isClean(report: ImportReport): boolean {
  const skipped = Object.values(report.collections).some((c) => c.skipped > 0);
  return !skipped && report.missingFiles.length === 0;
}

/** The report as the CLI prints it: one line per collection, then what needs the user's attention. */
export function formatReport(report: ImportReport): string {
  const lines = [`${report.archive} → ${report.username}`];
  for (const [name, c] of Object.entries(report.collections)) {
    lines.push(
      `${name} → ${c.target}: read ${c.read}, inserted ${c.inserted}, updated ${c.updated}, unchanged ${c.unchanged}, skipped ${c.skipped}`,
    );
    for (const [reason, issue] of Object.entries(c.issues)) {
      lines.push(`  ${reason}: ${issue.count} (e.g. ${issue.samples.join(', ')})`);
    }
    const unknown = Object.entries(c.unknownFields).map(([field, n]) => `${field} (${n})`);
    if (unknown.length > 0) lines.push(`  unknown fields kept under extra: ${unknown.join(', ')}`);
  }
  for (const p of report.pendingMembers) lines.push(`pending member ${p.legacyUserId}: ${p.projects} project(s)`);
  for (const s of report.secrets) lines.push(`secret ${s.name}: ${s.action}`);
  for (const f of report.missingFiles) lines.push(`file bytes missing: ${f.storedFileName} (${f.legacyId})`);
  if (report.held > 0) lines.push(`${report.held} document(s) kept in panorama_pending (no module imports them yet)`);
  lines.push(report.clean ? 'clean: nothing skipped or lost' : 'NOT clean: see the skipped documents above');
  return lines.join('\n');
}
