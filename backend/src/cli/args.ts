import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const usage = `Usage:
  panoramix export --user <username> [--out <file.ndjson.gz>]   one user's data and uploaded files
  panoramix export --all [--out <file.ndjson.gz>]                the whole instance (administrators' backup)
  panoramix import <file.ndjson.gz>                              restores an export; re-running it changes nothing
  panoramix import-panorama <file.ndjson.gz> --user <username>   imports a Panorama export archive for that user
      [--map-user <panoramaUserId>=<username>]…  [--files-dir <folder>]  [--keep-secret <name>|all]…  [--report <file.json>] [--wait-index]
  panoramix verify-import <file.ndjson.gz> --user <username> [--map-user …]   compares the database with the archive

Uploaded files travel in <file>.files.tar beside the archive. The database is MONGODB_URI
(MONGODB_DB), or the local development database under DATA_DIR when MONGODB_URI is unset.`;

export class UsageError extends Error {}

const archiveName = z.string().regex(/\.ndjson\.gz$/, 'must end with .ndjson.gz');

const exportCommand = z
  .object({
    command: z.literal('export'),
    user: z.string().min(1).optional(),
    all: z.boolean().default(false),
    out: archiveName.optional(),
  })
  .refine((a) => (a.user === undefined) === a.all, { message: 'give either --user <username> or --all', path: ['user'] });
const importCommand = z.object({ command: z.literal('import'), archive: archiveName });
const mapUser = z.string().regex(/^[^=]+=[^=]+$/, 'must be <panoramaUserId>=<username>');
const panoramaOptions = {
  archive: archiveName,
  user: z.string({ error: 'give --user <username>' }).min(1),
  'map-user': z.array(mapUser).default([]),
};
const importPanoramaCommand = z.object({
  command: z.literal('import-panorama'),
  ...panoramaOptions,
  'files-dir': z.string().min(1).optional(),
  'keep-secret': z.array(z.string().min(1)).default([]),
  report: z
    .string()
    .regex(/\.json$/, 'must end with .json')
    .optional(),
  'wait-index': z.boolean().default(false),
});
const verifyImportCommand = z.object({ command: z.literal('verify-import'), ...panoramaOptions });
const command = z.discriminatedUnion('command', [exportCommand, importCommand, importPanoramaCommand, verifyImportCommand]);
export type Command = z.infer<typeof command>;

/** Relative paths are relative to where the user typed the command, also under `npm run` (INIT_CWD). */
export const resolvePath = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        user: { type: 'string' },
        all: { type: 'boolean' },
        out: { type: 'string' },
        'map-user': { type: 'string', multiple: true },
        'files-dir': { type: 'string' },
        'keep-secret': { type: 'string', multiple: true },
        report: { type: 'string' },
        'wait-index': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [name, archive, ...extra] = parsed.positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra.join(' ')}`);
  const result = command.safeParse({ command: name, ...parsed.values, ...(archive === undefined ? {} : { archive }) });
  if (!result.success) {
    throw new UsageError(result.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('\n'));
  }
  return result.data;
}

/** `panoramix-export-<who>-<UTC time>.ndjson.gz`, sortable by name. */
export function defaultArchiveName(who: string, now = new Date()) {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `panoramix-export-${who}-${stamp}.ndjson.gz`;
}
