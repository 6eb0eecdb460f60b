import { readFile as readBytes, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BudgetColumnMapping, RouteBody, routes } from '@panoramix/contracts';
import { budgetColumnMapping } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../../http/auth-guard.ts';
import { HttpError, badRequest, conflict, notFound } from '../../../http/problem.ts';
import type { UploadedFile } from '../../../http/upload.ts';
import type { JobDefinition, JobQueue } from '../../../jobs/runner.ts';
import { byNewest, after, sortOf, toPage } from '../../../lib/pagination.ts';
import type { Logger } from '../../../lib/logger.ts';
import type { EventBus } from '../../../realtime/event-bus.ts';
import { rebuildBooks } from '../books/rebuild.ts';
import { holdingIndexer } from '../../../ml/index/hold.ts';
import { applyImport, queueForSearch, revertImport, timed } from './apply.ts';
import type { ImportSteps } from './apply.ts';
import { toImportDto } from './dto.ts';
import { BudgetImportModel, BudgetMappingModel } from './model.ts';
import type { BudgetImportDoc } from './model.ts';
import { readFile } from './read.ts';
import type { ParsedLine } from './statement.ts';
import { guessFormats, guessMapping, headerKey, readRows } from './table.ts';
import type { TableOptions } from './table.ts';

type ApplyBody = RouteBody<typeof routes.budgetImports.apply>;

const PREVIEW_ROWS = 20;
export const IMPORT_JOB = 'budget.import';

/**
 * Upload → preview → apply → report → undo. The upload reads the whole file (so a bad one is
 * refused before anything is kept) and keeps its bytes; apply queues a durable job that reads
 * them again with the chosen mapping, dedups against the user's live lines and writes.
 */
export function createBudgetImportService(deps: { events: EventBus; jobs: JobQueue; uploadsDir: string; logger: Logger }) {
  const mine = (actor: AuthUser, id: string) => ({ _id: id, userId: actor.id });
  const storedPath = (doc: { userId: unknown; storedName?: string | null }) =>
    path.join(deps.uploadsDir, String(doc.userId), String(doc.storedName));

  const announce = (doc: BudgetImportDoc) =>
    deps.events.emit({ type: 'budgetImport.updated', userId: String(doc.userId), data: toImportDto(doc) });

  async function read(actor: AuthUser, id: string) {
    const doc = await BudgetImportModel.findOne(mine(actor, id)).lean<BudgetImportDoc>();
    if (!doc) throw notFound('Budget import');
    return doc;
  }

  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined }) {
    const rows = await BudgetImportModel.find({ userId: actor.id, ...after(byNewest, query.cursor) })
      .sort(sortOf(byNewest))
      .limit(query.limit + 1)
      .batchSize(query.limit + 1)
      .lean<BudgetImportDoc[]>();
    return toPage(rows, query.limit, byNewest, toImportDto);
  }

  const get = async (actor: AuthUser, id: string) => toImportDto(await read(actor, id));

  async function upload(actor: AuthUser, file: UploadedFile) {
    const parsed = await readFile(file.originalname, await readBytes(file.path));
    const _id = new Types.ObjectId();
    const storedName = `budget-import-${String(_id)}`;
    const base = {
      _id,
      userId: actor.id,
      fileName: file.originalname,
      storedName,
      format: parsed.format,
      encoding: parsed.encoding,
    };
    let fields: Record<string, unknown>;
    if ('table' in parsed) {
      const { table } = parsed;
      const key = headerKey(table.headers);
      const remembered = await BudgetMappingModel.findOne({ userId: actor.id, headerKey: key }).lean<
        Omit<TableOptions, 'mapping'> & { mapping: BudgetColumnMapping }
      >();
      const guessed = guessMapping(table);
      const mapping = remembered?.mapping ?? guessed;
      const formats = remembered ?? guessFormats(table, mapping);
      const valid = budgetColumnMapping.safeParse(mapping).success;
      const sample = { ...table, rows: table.rows.slice(0, PREVIEW_ROWS) };
      fields = {
        delimiter: parsed.delimiter,
        headers: table.headers,
        headerKey: key,
        sampleRows: sample.rows.map((cells) => ({ cells })),
        mapping: valid ? mapping : null,
        mappingRemembered: remembered !== null,
        dateFormat: formats.dateFormat,
        decimalSeparator: formats.decimalSeparator,
        amountSign: formats.amountSign,
        preview: valid ? readRows(sample, { mapping, ...pickFormats(formats) }).lines.map(previewOf) : [],
        rowCount: table.rows.length,
      };
    } else {
      const { statement } = parsed;
      fields = {
        headers: statement.fields,
        preview: statement.lines.slice(0, PREVIEW_ROWS).map(previewOf),
        sampleRows: statement.lines
          .slice(0, PREVIEW_ROWS)
          .map((l) => ({ cells: [l.date, String(l.amountCents), l.vendor, l.label, l.sourceRef] })),
        rowCount: statement.lines.length + statement.unparseable.length,
      };
    }
    // The bytes move next to the user's files before the document points at them.
    await rename(file.path, storedPath(base));
    const created = await BudgetImportModel.create({ ...base, ...fields });
    return toImportDto(created.toObject() as BudgetImportDoc);
  }

  async function apply(actor: AuthUser, id: string, body: ApplyBody) {
    const doc = await read(actor, id);
    if (doc.status !== 'preview' && doc.status !== 'failed')
      throw conflict(`This import is ${doc.status}: it can be applied once`);
    const table = doc.format === 'csv' || doc.format === 'xlsx';
    const mapping = body.mapping ?? (doc.mapping as BudgetColumnMapping | null);
    if (table && !mapping) {
      throw badRequest('body.mapping: no column mapping could be guessed, send one', [
        { path: 'body.mapping', message: 'is required' },
      ]);
    }
    const options = table
      ? {
          mapping,
          dateFormat: body.dateFormat ?? doc.dateFormat,
          decimalSeparator: body.decimalSeparator ?? doc.decimalSeparator,
          amountSign: body.amountSign ?? doc.amountSign,
        }
      : {};
    // A conditional write decides (FerretDB's findOneAndUpdate is not atomic): of two applies, one changes the status, the other gets 409.
    const { modifiedCount } = await BudgetImportModel.updateOne(
      { ...mine(actor, id), status: doc.status },
      { $set: { ...options, status: 'queued', error: null, progress: { done: 0, total: doc.rowCount } } },
    );
    if (modifiedCount !== 1) throw conflict('This import was applied meanwhile');
    const queued = await read(actor, id);
    if (table && doc.headerKey) {
      await BudgetMappingModel.updateOne(
        { userId: actor.id, headerKey: doc.headerKey },
        { $set: { ...options }, $setOnInsert: { userId: actor.id, headerKey: doc.headerKey } },
        { upsert: true },
      );
    }
    await deps.jobs.now(IMPORT_JOB, { importId: id });
    await announce(queued);
    return toImportDto(queued);
  }

  async function undo(actor: AuthUser, id: string) {
    const doc = await read(actor, id);
    if (doc.status !== 'done') throw conflict(`This import is ${doc.status}: only a finished import can be undone`);
    const { modifiedCount } = await BudgetImportModel.updateOne(
      { ...mine(actor, id), status: 'done' },
      { $set: { status: 'undone' } },
    );
    if (modifiedCount !== 1) throw conflict('This import was undone meanwhile');
    const undone = await read(actor, id);
    const count = await revertImport(actor.id, doc._id);
    await deps.events.emit({ type: 'budgetLines.changed', userId: actor.id, data: { reason: 'undo', count } });
    await announce(undone);
    return toImportDto(undone);
  }

  /** The parsed lines of a queued import, read again from its stored bytes with its chosen options. */
  async function linesOf(doc: BudgetImportDoc) {
    const parsed = await readFile(doc.fileName, await readBytes(storedPath(doc)));
    if ('statement' in parsed) return parsed.statement;
    return readRows(parsed.table, {
      mapping: doc.mapping as BudgetColumnMapping,
      ...pickFormats(doc as unknown as TableOptions),
    });
  }

  /**
   * Takes a queued import by a conditional write. A retry after a crash first removes what the
   * first attempt wrote, then rebuilds the books, which may have missed its last chunk.
   */
  async function claim(doc: BudgetImportDoc) {
    if (doc.status === 'running') {
      await revertImport(String(doc.userId), doc._id);
      await rebuildBooks(String(doc.userId));
      return true;
    }
    const owner = { _id: doc._id, userId: doc.userId, status: 'queued' };
    return (await BudgetImportModel.updateOne(owner, { $set: { status: 'running' } })).modifiedCount === 1;
  }

  async function run(data: unknown) {
    const { importId } = data as { importId: string };
    const doc = await BudgetImportModel.findOne({ _id: importId }).setOptions({ tenancy: 'system' }).lean<BudgetImportDoc>();
    if (!doc || (doc.status !== 'queued' && doc.status !== 'running')) return;
    const owner = { _id: doc._id, userId: doc.userId };
    if (!(await claim(doc))) return;
    const steps: Partial<ImportSteps> = {};
    let parsed: { lines: ParsedLine[]; unparseable: { row: number; text: string; reason: string }[] };
    try {
      parsed = await timed(steps, 'parse', () => linesOf(doc));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const failed = await BudgetImportModel.findOneAndUpdate(
        owner,
        { $set: { status: 'failed', error: error.detail ?? error.message } },
        { returnDocument: 'after' },
      ).lean<BudgetImportDoc>();
      if (failed) await announce(failed);
      return;
    }
    const progress = async (done: number, total: number) => {
      const progressed = await BudgetImportModel.findOneAndUpdate(
        owner,
        { $set: { progress: { done, total } } },
        { returnDocument: 'after' },
      ).lean<BudgetImportDoc>();
      if (progressed) await announce(progressed);
    };
    const { report, written } = await holdingIndexer(() => applyImport(doc, parsed, progress, steps));
    const finished = await BudgetImportModel.findOneAndUpdate(
      owner,
      { $set: { status: 'done', report } },
      { returnDocument: 'after' },
    ).lean<BudgetImportDoc>();
    await rm(storedPath(doc), { force: true });
    await deps.events.emit({
      type: 'budgetLines.changed',
      userId: String(doc.userId),
      data: { reason: 'import', count: report.imported + report.reconciled },
    });
    if (finished) await announce(finished);
    await timed(steps, 'queue', () => queueForSearch(written));
    deps.logger.info({ importId, ...report, samples: undefined, steps }, 'budget import done');
  }

  const jobs: JobDefinition[] = [{ name: IMPORT_JOB, run }];

  return { list, get, upload, apply, undo, jobs };
}

const previewOf = (line: ParsedLine) => ({
  date: line.date,
  vendor: line.vendor,
  label: line.label,
  amountCents: line.amountCents,
});
const pickFormats = (formats: Omit<TableOptions, 'mapping'>) => ({
  dateFormat: formats.dateFormat,
  decimalSeparator: formats.decimalSeparator,
  amountSign: formats.amountSign,
});

export type BudgetImportService = ReturnType<typeof createBudgetImportService>;
