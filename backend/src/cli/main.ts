import { existsSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfig } from '../config.ts';
import { buildIndexes } from '../db/indexes.ts';
import { connectDatabase, disconnectDatabase } from '../db/connect.ts';
import { startDatabase } from '../db/local-server.ts';
import { UserModel } from '../modules/users/model.ts';
import { ArchiveError } from '../modules/export/framing.ts';
import { terminalProgress } from '../modules/export/progress.ts';
import { readArchive } from '../modules/export/read-archive.ts';
import { writeArchive } from '../modules/export/write-archive.ts';
import type { ExportTarget } from '../modules/export/registry.ts';
import { defaultArchiveName, parseCommand, resolvePath, usage, UsageError } from './args.ts';
import { runPanoramaCommand } from '../modules/panorama-import/cli.ts';
import type { Command } from './args.ts';

/** `panoramix export | import | import-panorama | verify-import`: backup, restore, and moving in from Panorama. */
async function run(command: Command) {
  // Like `npm start`, read ./.env when there is one (the container has none: compose sets the environment).
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const progress = terminalProgress();
  // The same database as `npm start`: the engine the data folder was created with.
  const database = await startDatabase(path.join(config.dataDir, 'db'), (msg) => progress.note(msg));
  try {
    await connectDatabase(database.uri, config.MONGODB_DB);
    // Unique indexes first, so that a restore or a Panorama import into an empty database enforces them as the API does.
    await buildIndexes();
    if (command.command === 'import-panorama' || command.command === 'verify-import') {
      process.exitCode = await runPanoramaCommand(command, config, progress);
      return;
    }
    if (command.command === 'import') {
      const summary = await readArchive({ archive: resolvePath(command.archive), uploadsDir: config.uploadsDir, progress });
      const total = Object.values(summary.counts).reduce((a, b) => a + b, 0);
      progress.note(`imported ${total} documents from ${command.archive}`);
      return;
    }
    let target: ExportTarget = { kind: 'instance' };
    if (command.user !== undefined) {
      const user = await UserModel.findOne({ username: command.user.toLowerCase() }).lean();
      if (!user) throw new UsageError(`no user named ${command.user}`);
      target = { kind: 'user', userId: user._id };
    }
    const archive = resolvePath(command.out ?? defaultArchiveName(command.user ?? 'instance'));
    const summary = await writeArchive({ target, archive, uploadsDir: config.uploadsDir, progress });
    const total = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    progress.note(`exported ${total} documents to ${summary.archive}`);
  } finally {
    await disconnectDatabase();
    await database.stop();
  }
}

async function main() {
  // A long import allocates fast and keeps little (live heap under 90 MB for 100,000 documents), and
  // V8's default growing factor (up to 4) let the heap reach 300 MB of garbage between full
  // collections: peak RSS 419 MB. Growing by half of what survives keeps the heap near 1.5 times what
  // is live (261 MB peak RSS there), with no fixed cap for a bigger archive to run out of; V8 reads
  // this factor at each collection.
  setFlagsFromString('--heap-growing-percent=50');
  try {
    await run(parseCommand(process.argv.slice(2)));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exit(64); // EX_USAGE
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    if (error instanceof ArchiveError) {
      console.error(`panoramix: ${error.message}`);
      process.exit(65); // EX_DATAERR
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
