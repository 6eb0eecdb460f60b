// Panorama import benchmark (issue 18): a 100,000-document Panorama archive imported for one user
// by `npm run panoramix -- import-panorama` on the bench's database (local FerretDB unless
// MONGODB_URI is set), then `verify-import` of it, then the same import again (nothing changes).
// Goals: import < 60 s with peak RSS < 300 MB, verify < 60 s. BENCH_PANORAMA_DOCS sets the size.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBenchApi } from './api-process.ts';
import type { BenchDatabase } from './api-process.ts';
import { post } from './requests.ts';
import { writeTestArchive } from '../../backend/src/modules/panorama-import/test-archive.ts';

const DOCS = Number(process.env.BENCH_PANORAMA_DOCS ?? 100_000);
const root = path.resolve(import.meta.dirname, '../..');
const OWNER = 'uBench0000000001';

/** A workspace of years: the collections in the proportions a heavy Panorama user has. */
export function archiveDocuments(total: number) {
  const at = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();
  const share = (part: number) => Math.floor(total * part);
  const owned = (prefix: string, i: number) => ({
    _id: `${prefix}${String(i).padStart(16, '0')}`,
    userId: OWNER,
    createdAt: at(i),
    updatedAt: at(i + 1),
  });
  const projects = Array.from({ length: share(0.005) }, (_, i) => ({
    ...owned('p', i),
    name: `Projet ${i}`,
    memberIds: [OWNER],
  }));
  const project = (i: number) => `p${String(i % projects.length).padStart(16, '0')}`;
  const sessions = Array.from({ length: share(0.02) }, (_, i) => ({
    ...owned('s', i),
    name: `Réunion ${i}`,
    projectId: project(i),
  }));
  return {
    projects,
    tasks: Array.from({ length: share(0.3) }, (_, i) => ({
      ...owned('t', i),
      title: `Tâche ${i}`,
      status: i % 3 ? 'todo' : 'done',
      projectId: project(i),
      priorityRank: i,
      notes: 'note '.repeat(20),
    })),
    notes: Array.from({ length: share(0.05) }, (_, i) => ({
      ...owned('n', i),
      title: `Note ${i}`,
      projectId: project(i),
      content: `# Note ${i}\n${'Texte accentué 😀. '.repeat(100)}`,
    })),
    noteSessions: sessions,
    noteLines: Array.from({ length: share(0.2) }, (_, i) => ({
      ...owned('l', i),
      sessionId: sessions[i % sessions.length]!._id,
      content: `ligne ${i}`,
    })),
    links: Array.from({ length: share(0.05) }, (_, i) => ({
      ...owned('k', i),
      name: `Lien ${i}`,
      url: `https://example.test/${i}`,
      clicksCount: i % 7,
    })),
    people: Array.from({ length: share(0.075) }, (_, i) => ({
      ...owned('h', i),
      name: `Personne${i}`,
      lastName: 'Dupont',
      email: `p${i}@x.test`,
    })),
    budgetLines: Array.from({ length: share(0.2) }, (_, i) => ({
      ...owned('b', i),
      date: at(i).slice(0, 10),
      vendor: `Vendor ${i % 300}`,
      amountCents: 100 + i,
      currency: 'EUR',
    })),
    userLogs: Array.from({ length: share(0.1) }, (_, i) => ({ ...owned('j', i), content: `entrée ${i}` })),
  };
}

/** User + system CPU seconds a process has used so far (fields 14 and 15 of /proc/<pid>/stat). */
function cpuSeconds(pid: number | undefined) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The local database server (FerretDB or mongod) serving `uri`, by the port on its command line; none for an external one. */
function serverPid(uri: string) {
  const port = new URL(uri).port;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .find((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return args.includes(`--listen-addr=127.0.0.1:${port}`) || (args.includes('--port') && args.includes(port));
      } catch {
        return false; // gone meanwhile
      }
    });
}

/**
 * Runs a CLI command against the bench's database, sampling its peak RSS (VmHWM) and CPU while it
 * runs, and the database server's CPU over the same time: where an import's time goes.
 */
async function timedCli(args: string[], database: BenchDatabase, dataDir: string) {
  const started = Date.now();
  const server = serverPid(database.uri);
  const serverBefore = server ? cpuSeconds(server) : 0;
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/src/cli/main.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MONGODB_URI: database.uri, MONGODB_DB: database.name, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  let peakKb = 0;
  let cliCpu = 0;
  const sample = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      cliCpu = cpuSeconds(child.pid);
    } catch {
      // exited between two samples
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sample);
  const cpu = `CPU: CLI ${cliCpu.toFixed(1)} s, database ${server ? (cpuSeconds(server) - serverBefore).toFixed(1) : '?'} s`;
  return { seconds: (Date.now() - started) / 1000, peakMb: Math.round(peakKb / 1024), cpu, code, output };
}

const uptime = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export async function panoramaImportBench() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'panoramix-panorama-bench-'));
  const api = await startBenchApi();
  try {
    const username = `mover${process.pid}`;
    await post(`${api.base}/api/auth/register`, { username, password: 'correct horse battery' });
    const documents = archiveDocuments(DOCS);
    const count = Object.values(documents).reduce((n, list) => n + list.length, 0);
    const archive = writeTestArchive(path.join(work, 'panorama.ndjson.gz'), documents);
    console.log(`\n## Panorama import (${count.toLocaleString('en')} documents)\nload before: ${uptime()}`);
    const importArgs = ['import-panorama', archive, '--user', username];
    const first = await timedCli(importArgs, api.database, work);
    console.log(
      `import: ${first.seconds.toFixed(1)} s, peak RSS ${first.peakMb} MB (goals < 60 s, < 300 MB), ${first.cpu}, exit ${first.code}`,
    );
    const verify = await timedCli(['verify-import', archive, '--user', username], api.database, work);
    console.log(
      `verify-import: ${verify.seconds.toFixed(1)} s, peak RSS ${verify.peakMb} MB (goal < 60 s), ${verify.cpu}, exit ${verify.code}`,
    );
    const again = await timedCli(importArgs, api.database, work);
    const unchanged = /unchanged (\d+)/g;
    const total = [...again.output.matchAll(unchanged)].reduce((n, m) => n + Number(m[1]), 0);
    console.log(
      `second run (no change): ${again.seconds.toFixed(1)} s, peak RSS ${again.peakMb} MB, ${total} unchanged, ${again.cpu}, exit ${again.code}`,
    );
    // A run's exit code says whether it was clean (cli.ts). Why it failed is at the head of its output (an error's
    // message, before the driver's dump of the batch) or at the tail (the report's summary).
    for (const [name, run] of Object.entries({ import: first, 'verify-import': verify, 'second run': again })) {
      const output = run.output.length > 4000 ? `${run.output.slice(0, 2000)}\n…\n${run.output.slice(-2000)}` : run.output;
      if (run.code !== 0) console.log(`--- ${name} exited ${run.code}:\n${output}`);
    }
    console.log(`load after: ${uptime()}`);
  } finally {
    await api.stop();
    await rm(work, { recursive: true, force: true });
  }
}
