import { writeFile } from 'node:fs/promises';
import type { Types } from 'mongoose';
import type { Config } from '../../config.ts';
import { createLogger } from '../../lib/logger.ts';
import { EventBus } from '../../realtime/event-bus.ts';
import { createServices } from '../../services.ts';
import { importPanorama } from './import.ts';
import { formatReport } from './report.ts';
import { resolveTarget } from './target.ts';
import { formatVerify, verifyImport } from './verify.ts';
import type { Progress } from '../export/progress.ts';
import { resolvePath, UsageError } from '../../cli/args.ts';
import type { Command } from '../../cli/args.ts';

type PanoramaCommand = Extract<Command, { command: 'import-panorama' | 'verify-import' }>;

async function target(command: PanoramaCommand) {
  try {
    return await resolveTarget(command.user, command['map-user']);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Works through the search queue the import filled, printing progress, as `npm run reindex` does. */
async function reindex(config: Config, progress: Progress) {
  const services = createServices({
    config,
    logger: createLogger('warn'),
    events: new EventBus(createLogger('warn')),
    jobs: { now: async () => {} },
  });
  const done = await services.indexer.worker.drain((n) => progress.count('search index', n));
  progress.note(`search index: ${done} imported items indexed`);
}

/** `import-panorama` and `verify-import` (issue 18); returns the exit code: 0 only when clean. */
export async function runPanoramaCommand(command: PanoramaCommand, config: Config, progress: Progress): Promise<number> {
  const { userId, username, timeZone, mapUsers } = await target(command);
  const archive = resolvePath(command.archive);
  if (command.command === 'verify-import') {
    const report = await verifyImport({ archive, userId, timeZone, mapUsers });
    console.log(formatVerify(report));
    return report.clean ? 0 : 1;
  }
  const keep = command['keep-secret'];
  const report = await importPanorama({
    archive,
    userId: userId as Types.ObjectId,
    username,
    timeZone,
    mapUsers,
    keepSecrets: keep.includes('all') ? 'all' : new Set(keep),
    instanceSecret: config.jwtSecret,
    ...(command['files-dir'] ? { filesDir: resolvePath(command['files-dir']) } : {}),
    uploadsDir: config.uploadsDir,
    onProgress: (p) => progress.count(`${p.collection} (${p.read}/${p.total}, ${p.rate} docs/s, ${p.errors} errors)`, p.read),
  });
  console.log(formatReport(report));
  if (command.report) await writeFile(resolvePath(command.report), `${JSON.stringify(report, null, 2)}\n`);
  // The count this run queued, not the queue's statistics: on FerretDB collStats fails with
  // SQLITE_BUSY while the app's indexer drains the queue, which made a finished import exit 1.
  if (command['wait-index']) await reindex(config, progress);
  else
    progress.note(
      `search index: ${report.searchQueued} imported items queued; the app indexes them in the background (--wait-index waits here)`,
    );
  return report.clean ? 0 : 2;
}
