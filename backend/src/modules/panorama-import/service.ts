import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PanoramaImport, RouteBody, routes } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import type { Config } from '../../config.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import type { UploadedFile } from '../../http/upload.ts';
import type { JobDefinition, JobQueue } from '../../jobs/runner.ts';
import type { Logger } from '../../lib/logger.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { createFileStorage } from '../files/storage.ts';
import { importPanorama } from './import.ts';
import type { ImportProgress } from './import.ts';
import { PanoramaImportJobModel } from './job.model.ts';
import type { PanoramaImportJobDoc } from './job.model.ts';
import { isClean } from './report.ts';
import type { ImportReport } from './report.ts';
import { resolveTarget } from './target.ts';

type StartBody = RouteBody<typeof routes.panoramaImport.start>;
export const PANORAMA_IMPORT_JOB = 'panorama.import';
/** Live progress at most this often: a 100,000-document import writes its state some 200 times, not 200 a second. */
const PROGRESS_EVERY_MS = 500;

export function toPanoramaImportDto(doc: PanoramaImportJobDoc): PanoramaImport {
  return {
    id: String(doc._id),
    username: doc.username,
    state: doc.state,
    progress: (doc.progress as PanoramaImport['progress']) ?? null,
    report: doc.report ? (JSON.parse(doc.report) as PanoramaImport['report']) : null,
    error: doc.error ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

const pairsOf = (list: string) => list.split(',').filter(Boolean);

/**
 * `POST /api/admin/imports/panorama`: the archive is streamed to disk by the upload, the import
 * runs as a durable job (a crash re-runs it from the start, which the importer makes safe) and
 * pushes its progress to the admin; the search index is fed through its durable queue as the
 * documents are written, so the app keeps answering while it catches up.
 */
export function createPanoramaImportService(deps: { config: Config; events: EventBus; jobs: JobQueue; logger: Logger }) {
  const folder = path.join(deps.config.uploadsDir, 'panorama-imports');

  const announce = (doc: PanoramaImportJobDoc) =>
    deps.events.emit({ type: 'panoramaImport.updated', userId: String(doc.adminId), data: toPanoramaImportDto(doc) });

  async function update(id: Types.ObjectId, fields: Partial<PanoramaImportJobDoc>) {
    const doc = await PanoramaImportJobModel.findOneAndUpdate(
      { _id: id },
      { $set: fields },
      { new: true },
    ).lean<PanoramaImportJobDoc>();
    if (doc) await announce(doc);
  }

  async function start(admin: AuthUser, file: UploadedFile, body: StartBody) {
    try {
      await resolveTarget(body.username, pairsOf(body.mapUsers));
    } catch (error) {
      await rm(file.path, { force: true });
      const message = (error as Error).message;
      const field = message.includes(body.username) ? 'body.username' : 'body.mapUsers';
      throw badRequest(`${field}: ${message}`, [{ path: field, message }]);
    }
    const doc = new PanoramaImportJobModel({
      adminId: admin.id,
      username: body.username,
      archivePath: 'pending',
      keepSecrets: body.keepSecrets,
      mapUsers: body.mapUsers,
    });
    const archivePath = path.join(folder, `${String(doc._id)}.ndjson.gz`);
    await mkdir(folder, { recursive: true });
    await rename(file.path, archivePath);
    doc.archivePath = archivePath;
    await doc.save();
    await deps.jobs.now(PANORAMA_IMPORT_JOB, { id: String(doc._id) });
    return toPanoramaImportDto(doc.toObject());
  }

  async function own(admin: AuthUser, id: string) {
    const doc = await PanoramaImportJobModel.findOne({ _id: id }).lean<PanoramaImportJobDoc>();
    if (!doc || String(doc.adminId) !== admin.id) throw notFound('Import');
    return doc;
  }

  const get = async (admin: AuthUser, id: string) => toPanoramaImportDto(await own(admin, id));

  /** The finished import's report and the missing files an upload's name matches: a 409 or 400 otherwise. */
  async function missingFilesOf(admin: AuthUser, id: string, name: string) {
    const job = await own(admin, id);
    if (job.state !== 'done' || !job.report) throw conflict('The import has not finished: send its files once it is done');
    const report = JSON.parse(job.report) as ImportReport;
    const matching = report.missingFiles.filter((m) => path.basename(m.storedFileName) === name);
    return { job, report, matching };
  }

  /**
   * The bytes of a file the finished import reported missing (the page's folder upload): stored
   * where the import would have put them, and taken off the report. Several arrive at once, so the
   * report is rewritten only if nobody else rewrote it meanwhile (a conditional write, retried).
   */
  async function addFile(admin: AuthUser, id: string, file: UploadedFile) {
    const name = path.basename(file.originalname);
    try {
      const { job, matching } = await missingFilesOf(admin, id, name);
      if (matching.length === 0) {
        const message = 'not a file this import is missing';
        throw badRequest(`file: ${name} is ${message}`, [{ path: 'file', message }]);
      }
      const { userId } = await resolveTarget(job.username);
      const target = createFileStorage(deps.config.uploadsDir).pathOf({ userId, storedFileName: name });
      await mkdir(path.dirname(target), { recursive: true });
      await rename(file.path, target);
    } finally {
      await rm(file.path, { force: true });
    }
    for (;;) {
      const { job, report, matching } = await missingFilesOf(admin, id, name);
      report.missingFiles = report.missingFiles.filter((m) => !matching.includes(m));
      report.clean = isClean(report);
      const text = JSON.stringify(report);
      const written = await PanoramaImportJobModel.updateOne({ _id: job._id, report: job.report }, { $set: { report: text } });
      if (written.modifiedCount === 1 || matching.length === 0) {
        const updated = { ...job, report: text, updatedAt: new Date() };
        if (matching.length > 0) await announce(updated);
        return toPanoramaImportDto(updated);
      }
    }
  }

  async function run(data: unknown) {
    const id = (data as { id?: string }).id;
    const job = await PanoramaImportJobModel.findOne({ _id: id }).lean<PanoramaImportJobDoc>();
    if (!job || job.state === 'done' || job.state === 'failed') return;
    await update(job._id, { state: 'running' });
    let last = 0;
    const onProgress = (progress: ImportProgress) => {
      if (Date.now() - last < PROGRESS_EVERY_MS) return;
      last = Date.now();
      void update(job._id, { progress }).catch((error: unknown) => deps.logger.warn({ err: error }, 'import progress not saved'));
    };
    try {
      const target = await resolveTarget(job.username, pairsOf(job.mapUsers));
      const keep = pairsOf(job.keepSecrets);
      const report = await importPanorama({
        archive: job.archivePath,
        ...target,
        keepSecrets: keep.includes('all') ? 'all' : new Set(keep),
        instanceSecret: deps.config.jwtSecret,
        uploadsDir: deps.config.uploadsDir,
        onProgress,
      });
      await update(job._id, { state: 'done', report: JSON.stringify(report), progress: null });
      await rm(job.archivePath, { force: true });
    } catch (error) {
      deps.logger.error({ err: error, importId: String(job._id) }, 'Panorama import failed');
      await update(job._id, { state: 'failed', error: (error as Error).message });
      await rm(job.archivePath, { force: true });
    }
  }

  const jobs: JobDefinition[] = [{ name: PANORAMA_IMPORT_JOB, run }];
  return { start, get, addFile, jobs };
}

export type PanoramaImportService = ReturnType<typeof createPanoramaImportService>;
