// Budget: a 10,000-line bank CSV imported with dedup against 50,000 lines already there, end to end
// through the API on the dev database (upload and preview, apply, the job until its report), then
// the summaries over 100,000 lines: p50/p95 of each grouping, one request at a time.
// BENCH_BUDGET_EXISTING, BENCH_BUDGET_IMPORT, BENCH_BUDGET_TOTAL and BENCH_BUDGET_SUMMARIES change the sizes.
import { startBenchApi } from './api-process.ts';
import { percentile } from './load.ts';

const EXISTING = Number(process.env.BENCH_BUDGET_EXISTING ?? 50_000);
const IMPORTED = Number(process.env.BENCH_BUDGET_IMPORT ?? 10_000);
const TOTAL = Number(process.env.BENCH_BUDGET_TOTAL ?? 100_000);
const SUMMARIES = Number(process.env.BENCH_BUDGET_SUMMARIES ?? 20);
/** The share of the 10,000 lines that repeat lines already imported (a statement overlapping the last one). */
const OVERLAP = 0.2;

const vendors = ['OVH', 'Amazon', 'Figma', 'Slack', 'Atlassian', 'SNCF', 'Café du Port', 'Free', 'Orange', 'Datadog'];

/** A French bank export: `;`, dd/mm/yyyy, decimal comma; line i is always the same expense. */
export function bankCsv(from: number, count: number) {
  const rows = ['Date opération;Fournisseur;Libellé;Montant'];
  for (let i = from; i < from + count; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 2190) * 86_400_000); // six years of days
    const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    const cents = 100 + ((i * 7919) % 500_000);
    rows.push(
      `${date};${vendors[i % vendors.length]};CB ${i};-${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

/** The log line comes once the lines are queued for search, after the job wrote 'done' (up to a minute). */
async function expectPoll(ready: () => boolean) {
  for (let i = 0; i < 600 && !ready(); i++) await new Promise((r) => setTimeout(r, 100));
}

interface Import {
  id: string;
  status: string;
  report: { imported: number; duplicates: number } | null;
}

export async function budgetBench() {
  /** Each import's step breakdown (ms), from the API's 'budget import done' log line. */
  const steps = new Map<string, Record<string, number>>();
  const api = await startBenchApi({
    env: { ARGON2_MEMORY_KIB: '1024', JOBS_POLL_MS: '100', ACCESS_TOKEN_TTL_SECONDS: '86400', LOG_LEVEL: 'info' },
    onLog: (entry) => {
      if (entry.msg === 'budget import done') steps.set(String(entry.importId), entry.steps as Record<string, number>);
    },
  });
  try {
    const headers = await api.register({ username: 'budget_bench', password: 'bench-password-123' });
    const call = async <T>(path: string, init: RequestInit = {}) => {
      const res = await fetch(`${api.base}${path}`, { ...init, headers: { ...headers, ...(init.headers ?? {}) } });
      const body = (await res.json()) as T;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    /** Upload → preview → apply → poll until the job's report: what the web page waits for. */
    async function importCsv(csv: string) {
      const started = performance.now();
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'releve.csv');
      const res = await fetch(`${api.base}/api/budget/imports`, {
        method: 'POST',
        headers: { authorization: headers.authorization },
        body: form,
      });
      const preview = (await res.json()) as Import;
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(preview)}`);
      const previewMs = performance.now() - started;
      await call(`/api/budget/imports/${preview.id}/apply`, { method: 'POST', body: '{}' });
      let done: Import;
      do {
        await new Promise((r) => setTimeout(r, 50));
        done = await call<Import>(`/api/budget/imports/${preview.id}`);
      } while (done.status === 'queued' || done.status === 'running');
      if (done.status !== 'done') throw new Error(`import ${done.status}`);
      const totalMs = performance.now() - started;
      await expectPoll(() => steps.has(preview.id));
      return { previewMs, totalMs, report: done.report!, steps: steps.get(preview.id)! };
    }

    /** The search index's backlog: the seed's lines queued for indexing compete with the measured import for the database. */
    const backlog = async () => (await call<{ queue: { pending: number } }>('/api/search/ai-status')).queue.pending;
    const seeded = await importCsv(bankCsv(0, EXISTING));
    const overlap = Math.round(IMPORTED * OVERLAP);
    const backlogBefore = await backlog();
    const measured = await importCsv(bankCsv(EXISTING - overlap, IMPORTED));
    const lines = EXISTING + IMPORTED - overlap;
    console.log(`\nbudget: CSV imports end to end (upload + preview, apply, job until its report), database ${api.databaseKind}`);
    console.table([
      {
        step: `seed: ${EXISTING} new lines`,
        'preview ms': Math.round(seeded.previewMs),
        'total ms': Math.round(seeded.totalMs),
        imported: seeded.report.imported,
        duplicates: seeded.report.duplicates,
      },
      {
        step: `${IMPORTED} lines (${overlap} repeats) against ${EXISTING}`,
        'preview ms': Math.round(measured.previewMs),
        'total ms': Math.round(measured.totalMs),
        imported: measured.report.imported,
        duplicates: measured.report.duplicates,
      },
    ]);
    console.log(
      'step breakdown inside the import job (ms; plan = keys read + dedup, books = keys + totals + vendor rules; queue, for search, comes after the report)',
    );
    console.table([
      { import: 'seed', ...seeded.steps },
      { import: 'measured', ...measured.steps },
    ]);
    console.log(`search backlog when the measured import started: ${backlogBefore} lines; after it: ${await backlog()}`);

    if (TOTAL > lines) await importCsv(bankCsv(EXISTING + IMPORTED - overlap, TOTAL - lines));
    const rows = [];
    for (const by of ['month-vendor', 'vendor']) {
      const latencies = new Float64Array(SUMMARIES);
      for (let i = 0; i < SUMMARIES; i++) {
        const started = performance.now();
        await call(`/api/budget/summary?by=${by}${i % 2 ? '&from=2021-01-01&to=2024-12-31' : ''}`);
        latencies[i] = performance.now() - started;
      }
      latencies.sort();
      rows.push({ by, 'p50 ms': percentile(latencies, 50).toFixed(0), 'p95 ms': percentile(latencies, 95).toFixed(0) });
    }
    console.log(
      `budget summaries over ${Math.max(TOTAL, lines)} lines (${SUMMARIES} each, half over a 4-year range, one at a time)`,
    );
    console.table(rows);
  } finally {
    await api.stop();
  }
}
