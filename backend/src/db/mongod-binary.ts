import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

export interface MongodBinary {
  path: string;
  source: 'path' | 'cache' | 'download';
}

/** How a start looks for a mongod; tests pass one that finds nothing, or a fake. */
export type FindMongod = (log: (msg: string) => void) => Promise<MongodBinary | undefined>;

/** The test suites run on FerretDB (or MONGODB_URI), like CI, and never download anything. */
export const noMongod: FindMongod = async () => undefined;

const probeTimeoutMs = 3000;

async function onPath(): Promise<string | undefined> {
  const name = process.platform === 'win32' ? 'mongod.exe' : 'mongod';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * Whether the download mirror answers within 3 s. mongodb-memory-server retries an unreachable
 * host with growing delays (about 7 s offline, longer behind a black-holing firewall): a start
 * without internet asks once, briefly, and goes on with FerretDB.
 */
async function mirrorReachable(): Promise<boolean> {
  const mirror = process.env.MONGOMS_DOWNLOAD_URL ?? process.env.MONGOMS_DOWNLOAD_MIRROR ?? 'https://fastdl.mongodb.org/';
  try {
    await fetch(mirror, { method: 'HEAD', signal: AbortSignal.timeout(probeTimeoutMs) });
    return true; // any HTTP answer means the network is there
  } catch {
    return false;
  }
}

/**
 * A mongod, in order: on PATH; mongodb-memory-server's cached binary; its download (about
 * 100 MB once, into ~/.cache/mongodb-binaries, the version it pins unless MONGOMS_VERSION says).
 * Undefined when none can be had; never throws.
 */
export const findMongod: FindMongod = async (log) => {
  const system = await onPath();
  if (system) return { path: system, source: 'path' };
  // A dev dependency: absent from the production image, which runs on MONGODB_URI anyway.
  const mms = await import('mongodb-memory-server-core').catch(() => undefined);
  if (!mms) return undefined;
  try {
    const options = await mms.DryMongoBinary.generateOptions();
    const cached = await mms.DryMongoBinary.locateBinary(options);
    if (cached) return { path: cached, source: 'cache' };
    if (!(await mirrorReachable())) return undefined;
    log(`downloading MongoDB ${options.version} (first run only)…`);
    return { path: await mms.MongoBinary.getPath(options), source: 'download' };
  } catch (error) {
    // An unsupported platform or a download cut short: FerretDB will do.
    log(`no MongoDB binary (${(error as Error).message})`);
    return undefined;
  }
};
