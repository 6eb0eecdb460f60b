// People: a Google Workspace CSV of BENCH_PEOPLE rows (10,000) imported through the API (preview,
// then apply), then the people search over them: p50/p95 of the list answer for typed queries
// (accent- and case-blind, on the user's lookup document), each alone, one after the other: right
// after the import, beside the search index taking the people in, then once it has (clean).
import { startBenchApi } from './api-process.ts';
import { percentile } from './load.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const SEARCHES = Number(process.env.BENCH_PEOPLE_SEARCHES ?? 100);
/** How long the searches wait for the index to take the people in; past it they run beside the indexing, and say so. */
const INDEX_WAIT_S = Number(process.env.BENCH_PEOPLE_INDEX_WAIT_S ?? 900);

const first = ['Élodie', 'Jean', 'François', 'Zoé', 'Ana', 'Bruno', 'Chloé', 'Denis', 'Inès', 'Loïc'];
const last = ['Dupont', 'Martin', 'Léger', 'Roux', 'Moretti', 'Bernard', 'Faure', 'Girard', 'Noël', 'Perrin'];

/** A Google admin-console export: its header, one user a line, a few suspended. */
export function googleCsv(count: number) {
  const lines = [
    'First Name [Required],Last Name [Required],Email Address [Required],Status [READ ONLY],Org Unit Path [Required]',
  ];
  for (let i = 0; i < count; i++) {
    const name = first[i % first.length]!;
    const lastName = `${last[Math.floor(i / first.length) % last.length]!}-${i}`;
    lines.push(`${name},${lastName},user${i}@acme.test,${i % 17 === 0 ? 'Suspended' : 'Active'},/`);
  }
  return `\uFEFF${lines.join('\n')}\n`;
}

export async function peopleBench() {
  // The import and the indexing after it outlast a 15-minute access token on a busy machine.
  const api = await startBenchApi({ env: { ARGON2_MEMORY_KIB: '1024', ACCESS_TOKEN_TTL_SECONDS: '86400' } });
  try {
    const headers = await api.register({ username: 'people_bench', password: 'bench-password-123' });
    const csv = googleCsv(PEOPLE);
    const send = async (path: string) => {
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'users.csv');
      const started = performance.now();
      const res = await fetch(`${api.base}${path}`, {
        method: 'POST',
        headers: { authorization: headers.authorization },
        body: form,
      });
      const body = (await res.json()) as { inserted: number; updated: number; skipped: number; totalAfter: number };
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - started, body };
    };
    const preview = await send('/api/people/import/preview');
    const applied = await send('/api/people/import');
    const rerun = await send('/api/people/import');
    console.log(`\npeople: Google CSV import of ${PEOPLE} rows (${(csv.length / 1024 / 1024).toFixed(1)} MB)`);
    console.table([
      { step: 'preview', ms: Math.round(preview.ms), ...pick(preview.body) },
      { step: 'apply (all new)', ms: Math.round(applied.ms), ...pick(applied.body) },
      { step: 're-run (all unchanged)', ms: Math.round(rerun.ms), ...pick(rerun.body) },
    ]);

    const queries = ['elodie', 'DUPONT', 'leger-1', 'zoe', 'user99', 'noel-5', 'ines', 'martin-42'];
    /** SEARCHES searches, one at a time, 200 rows a page; the first builds the user's lookup (none before the import). */
    async function searches() {
      const latencies = new Float64Array(SEARCHES);
      for (let i = 0; i < SEARCHES; i++) {
        const q = queries[i % queries.length]!;
        const started = performance.now();
        const res = await fetch(`${api.base}/api/people?q=${encodeURIComponent(q)}&limit=200`, { headers });
        await res.json();
        if (!res.ok) throw new Error(`search ${q}: ${res.status}`);
        latencies[i] = performance.now() - started;
      }
      const first = latencies[0]!;
      latencies.sort();
      return {
        'p50 ms': percentile(latencies, 50).toFixed(1),
        'p95 ms': percentile(latencies, 95).toFixed(1),
        'max ms': latencies.at(-1)?.toFixed(1),
        'first ms': first.toFixed(1),
      };
    }
    const beside = await searches();

    const indexing = performance.now();
    // A failed status read (a 500 while the database is too busy) is tried again, up to ten in a row.
    let pending = Number.NaN;
    for (let failures = 0; performance.now() - indexing < INDEX_WAIT_S * 1000;) {
      const res = await fetch(`${api.base}/api/search/ai-status`, { headers });
      const status = (await res.json()) as { queue?: { pending: number } };
      if (!res.ok || !status.queue) {
        if (++failures === 10) throw new Error(`ai-status: ${res.status} ${JSON.stringify(status)}`);
      } else if ((pending = status.queue.pending) === 0) break;
      else failures = 0;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const waited = ((performance.now() - indexing) / 1000).toFixed(0);
    console.log(
      pending === 0
        ? `search index caught up ${waited} s after the first searches`
        : `search index still had ${pending} people to take in after ${waited} s: the second searches run beside it too`,
    );
    const clean = await searches();
    console.log(`people search over ${PEOPLE} people (${SEARCHES} searches, one at a time, 200 rows a page)`);
    console.table([
      { when: 'right after the import, beside the indexing', ...beside },
      { when: pending === 0 ? 'once the index caught up' : `after ${waited} s, index not caught up`, ...clean },
    ]);
  } finally {
    await api.stop();
  }
}

const pick = (b: { inserted: number; updated: number; skipped: number; totalAfter: number }) => ({
  inserted: b.inserted,
  updated: b.updated,
  skipped: b.skipped,
  total: b.totalAfter,
});
