import type { Types } from 'mongoose';
import { whileBusy } from '../../db/busy.ts';
import { enqueue } from '../../ml/index/queue.ts';
import { exportedCollections } from '../export/collections.ts';
import { upgradeImported } from '../export/registry.ts';
import { TaskModel } from '../tasks/model.ts';
import { forgetInboxTopRank } from '../tasks/rank.ts';
import { readFrames } from './archive.ts';
import { copyFileBytes } from './files-dir.ts';
import type { PanoramaDoc } from './mapping.ts';
import { byTarget, prepare, refusedDocument } from './prepare.ts';
import type { Prepared } from './prepare.ts';
import { isClean, newCollectionReport, note } from './report.ts';
import type { CollectionReport, ImportReport } from './report.ts';
import { reason, reasonText } from './reasons.ts';
import { mapContext, scanArchive } from './scan.ts';
import { splitSecrets, storeSecret } from './secrets.ts';
import { createWriter } from './writer.ts';

export interface ImportOptions {
  archive: string;
  userId: Types.ObjectId;
  username: string;
  timeZone: string;
  /** `--map-user panoramaId=username`, resolved to our users. */
  mapUsers?: ReadonlyMap<string, Types.ObjectId>;
  /** Secrets of appPreferences to keep (encrypted, the user's own); every other one is dropped. */
  keepSecrets?: ReadonlySet<string> | 'all';
  /** Key material for the user's encrypted secrets (the instance's JWT secret). */
  instanceSecret: string;
  /** Where Panorama's file bytes are, by `storedFileName`; none: every file's bytes are reported missing. */
  filesDir?: string;
  uploadsDir: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  collection: string;
  /** Documents read in the whole archive so far, and how many the archive holds. */
  read: number;
  total: number;
  /** Documents per second since the start. */
  rate: number;
  errors: number;
}

/** A batch is written when it holds this many documents or this many bytes of text (100 KB notes). */
const BATCH_DOCS = 500;
const BATCH_CHARS = 4_000_000;

/**
 * Imports a Panorama archive for one user (issue 18). Two streaming passes: the first collects the
 * ids the archive holds (to tell dangling references), the second maps each document and writes it
 * in bounded batches by its deterministic `_id`. No step depends on an earlier run's progress, so a
 * run killed at any point and started again ends as one clean run; the archive's order (projects
 * before their tasks, sessions before their lines, teams before people) writes a parent before
 * the documents pointing at it.
 */
export async function importPanorama(options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const report: ImportReport = {
    archive: options.archive,
    username: options.username,
    startedAt: new Date(started).toISOString(),
    finishedAt: null,
    collections: {},
    pendingMembers: [],
    secrets: [],
    missingFiles: [],
    held: 0,
    searchQueued: 0,
    clean: false,
  };
  const index = await scanArchive(options.archive);
  let current: CollectionReport = newCollectionReport('');
  let legacyId = '';
  const ctx = mapContext({
    index,
    userId: options.userId,
    timeZone: options.timeZone,
    mapUsers: options.mapUsers ?? new Map(),
    onFix: (reason) => note(current, reason, legacyId),
  });
  const pending = new Map<string, number>();
  let batch: Prepared[] = [];
  let chars = 0;
  let read = 0;
  let errors = 0;
  let collectionName = '';

  const progress = () =>
    options.onProgress?.({
      collection: collectionName,
      read,
      total: index.documents,
      rate: Math.round((read * 1000) / Math.max(1, Date.now() - started)),
      errors,
    });

  const writer = createWriter(options.userId);
  // One batch is written while the next is mapped: the database and the mapping each take a core.
  let writing: Promise<void> = Promise.resolve();

  async function write(items: Prepared[], into: CollectionReport) {
    for (const [target, group] of byTarget(items)) {
      // The app running beside the import may hold FerretDB's write lock past its wait: the batch is tried again.
      const counts = await whileBusy(() =>
        writer.write(
          target,
          group.map((i) => i.doc),
        ),
      );
      into.inserted += counts.inserted.length;
      into.updated += counts.updated.length;
      into.unchanged += counts.unchanged;
      into.skipped += counts.taken.length;
      for (const id of counts.taken) {
        const legacy = group.find((i) => i.doc._id.equals(id))?.doc.legacyId;
        note(into, reason('idTaken'), String(legacy));
      }
      const kind = group[0]?.mapping?.searchKind;
      if (kind && !group[0]?.held) {
        const written = [...counts.inserted, ...counts.updated];
        await whileBusy(() => enqueue(written.map((id) => ({ kind, id: String(id) }))));
        report.searchQueued += written.length;
      }
    }
    progress();
  }

  async function flush() {
    const items = batch;
    batch = [];
    chars = 0;
    await writing;
    if (items.length === 0) return;
    writing = write(items, current);
    writing.catch(() => {}); // handled: the next flush awaits it and throws its error
  }

  async function importPreferences(doc: PanoramaDoc) {
    const { secrets, rest } = splitSecrets(doc);
    for (const [name, secret] of secrets) {
      const keep = options.keepSecrets === 'all' || options.keepSecrets?.has(name);
      if (keep) await storeSecret(options.instanceSecret, options.userId, name, secret);
      report.secrets.push({ name, action: keep ? 'stored' : 'dropped' });
    }
    // The rest (files folder, Qdrant address, theme…) described Panorama's instance: kept, never applied here.
    return await prepare('appPreferences', { ...rest, _id: doc._id } as PanoramaDoc, ctx);
  }

  for await (const frame of readFrames(options.archive)) {
    if (frame.collection !== collectionName) {
      await flush();
      collectionName = frame.collection;
      current = report.collections[collectionName] ??= newCollectionReport('');
    }
    if ('type' in frame) continue;
    const doc = frame.doc as PanoramaDoc;
    legacyId = String(doc._id);
    read++;
    current.read++;
    const prepared = collectionName === 'appPreferences' ? await importPreferences(doc) : await prepare(collectionName, doc, ctx);
    current.target = prepared.collection;
    for (const field of prepared.unknownFields) current.unknownFields[field] = (current.unknownFields[field] ?? 0) + 1;
    if (prepared.held) {
      report.held++;
      if (collectionName !== 'appPreferences') note(current, prepared.held, legacyId, `held: ${reasonText(prepared.held)}`);
    }
    if (prepared.invalid) {
      // Refused by our model: not written to its collection but kept whole in the holding one.
      current.skipped++;
      errors++;
      report.held++;
      const refused = refusedDocument(collectionName, doc, options.userId, prepared.invalid);
      note(current, reason('refusedByModel', { detail: prepared.invalid }), legacyId);
      batch.push(refused);
      continue;
    }
    for (const member of (prepared.doc.pendingMemberIds as string[] | undefined) ?? []) {
      pending.set(member, (pending.get(member) ?? 0) + 1);
    }
    if (collectionName === 'files' && !prepared.held) {
      const copied = await copyFileBytes(options, prepared.doc);
      if (!copied) report.missingFiles.push({ legacyId, storedFileName: String(prepared.doc.storedFileName) });
    }
    batch.push(prepared);
    chars += JSON.stringify(doc).length;
    if (batch.length >= BATCH_DOCS || chars >= BATCH_CHARS) await flush();
  }
  await flush();
  await writing;
  // The documents went in past the services: what modules derive from them (journal days, people
  // lookups, calendar months) is brought up to date as after a backup restore.
  const written = new Set(Object.values(report.collections).flatMap((c) => (c.inserted + c.updated > 0 ? [c.target] : [])));
  await upgradeImported(exportedCollections, (collection) => written.has(collection.model.collection.name));
  // Its projects are new, with no bound yet; its inbox tasks may rank below the inbox's (tasks/rank.ts).
  if (written.has(TaskModel.collection.name)) await forgetInboxTopRank(options.userId);
  report.pendingMembers = [...pending].map(([legacyUserId, projects]) => ({ legacyUserId, projects }));
  report.finishedAt = new Date().toISOString();
  report.clean = isClean(report);
  return report;
}
