// Reindex benchmark (issue 19): what a user feels while the whole search index is rebuilt. On the
// issue's workspace (seeded after the API's start-up pass, so nothing is being indexed), the task
// list and a create at 20 connections, first at rest, then while `npm run reindex` queues and
// indexes every item beside the API, as an operator runs it (the API's own indexer takes batches
// from the same queue). The target: no worse than 2×. The reindex is stopped after the loads.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { durationMs, startBenchApi } from './api-process.ts';
import type { BenchDatabase } from './api-process.ts';
import { printResults, runLoad } from './load.ts';
import type { LoadResult } from './load.ts';
import { post } from './requests.ts';
import { describeWorkspace, searchBacklog, seedWorkspaceIntoRunningApi } from './workspace.ts';

const CONNECTIONS = Number(process.env.BENCH_REINDEX_CONNECTIONS ?? 20);
const root = path.resolve(import.meta.dirname, '../..');

/** `npm run reindex` against the bench's database; `progress` is the last line it printed. */
function startReindex(database: BenchDatabase) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/src/cli/reindex.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MONGODB_URI: database.uri, MONGODB_DB: database.name },
  });
  let last = '';
  let queuedAll = () => {};
  const queued = new Promise<void>((resolve) => (queuedAll = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    last =
      text
        .split(/[\r\n]/)
        .filter(Boolean)
        .at(-1) ?? last;
    if (/queued \d+ items/.test(text)) queuedAll();
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  void exited.then(() => queuedAll()); // a reindex that died early: the bench says so below rather than hang
  return {
    /** Every item is in the queue: the indexing itself begins. */
    queued,
    running: () => child.exitCode === null,
    progress: () => last,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function reindexBench() {
  const api = await startBenchApi();
  try {
    const workspace = await seedWorkspaceIntoRunningApi(api.database);
    console.log(`\n## Requests during a reindex (${CONNECTIONS} connections)\n${describeWorkspace(workspace)}`);
    const { accessToken } = (await post(`${api.base}/api/auth/login`, {
      username: workspace.user.username,
      password: workspace.user.password,
    })) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const projectIds = workspace.projects.map((p) => p.id);
    const common = { connections: CONNECTIONS, durationMs, headers };
    // The machine's load beside each phase: on a shared machine another process's work shows up as ours.
    const load = () => `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
    const measure = async (when: string) => [
      await runLoad({ ...common, label: `GET /api/tasks?limit=50${when}`, url: `${api.base}/api/tasks?limit=50`, expect: 200 }),
      await runLoad({
        ...common,
        label: `POST /api/tasks${when}`,
        url: `${api.base}/api/tasks`,
        method: 'POST',
        body: (i) => JSON.stringify({ title: `Bench ${i}`, projectId: projectIds[i % projectIds.length] }),
        expect: 201,
      }),
    ];

    // Warm-up, not reported: in the first loads after seeding, requests took twice as long as in the same loads later.
    await measure(' (warm-up)');
    console.log(`at rest: ${load()}`);
    const quiet = await measure('');
    const reindex = startReindex(api.database);
    const queueingStarted = performance.now();
    await reindex.queued; // the loads measure the indexing, the long part, not the queueing before it
    const queueing = ((performance.now() - queueingStarted) / 1000).toFixed(1);
    console.log(`reindex: ${reindex.progress()} in ${queueing} s; indexing beside the loads: ${load()}`);
    const during = await measure(', reindex running');
    console.log(`loads done: ${load()}`);
    if (!reindex.running()) console.log('(the reindex ended before the last load did: its figures are partly without it)');
    console.log(`reindex at the end of the loads: ${reindex.progress()}; ${await searchBacklog(api.database)} items queued`);
    await reindex.stop();
    printResults([...quiet, ...during]);
    const ratio = (a: LoadResult, b: LoadResult) => `${(b.p95 / a.p95).toFixed(1)}× p95, ${(b.p50 / a.p50).toFixed(1)}× p50`;
    console.log(
      `during the reindex: task list ${ratio(quiet[0]!, during[0]!)}; create ${ratio(quiet[1]!, during[1]!)} (target ≤ 2×)`,
    );
  } finally {
    await api.stop();
  }
}
