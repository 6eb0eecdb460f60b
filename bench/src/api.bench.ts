// API foundation benchmark: cold start to /api/ready, then 50 concurrent clients for 10 s on
// sign-in and on an owned list route.
import { connections, durationMs, startBenchApi } from './api-process.ts';
import { printResults, runLoad } from './load.ts';

export async function apiBench() {
  const api = await startBenchApi();
  try {
    const credentials = { username: 'bench_user', password: 'bench-password-123' };
    const auth = await api.register(credentials);
    await api.seed(auth, '/api/links', 500, (i) => ({ name: `Link ${i}`, url: `https://site${i}.test` }));

    const common = { connections, durationMs };
    const results = [
      await runLoad({
        ...common,
        label: 'GET /api/links?limit=50 (500 links)',
        url: `${api.base}/api/links?limit=50`,
        headers: auth,
        expect: 200,
      }),
      await runLoad({ ...common, label: 'GET /api/auth/me', url: `${api.base}/api/auth/me`, headers: auth, expect: 200 }),
      await runLoad({
        ...common,
        label: 'POST /api/links',
        url: `${api.base}/api/links`,
        method: 'POST',
        headers: auth,
        body: (i) => JSON.stringify({ name: `Bench ${i}`, url: `https://bench${i}.test` }),
        expect: 201,
      }),
      await runLoad({
        ...common,
        label: 'POST /api/auth/login (argon2id 19 MiB)',
        url: `${api.base}/api/auth/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-client': 'native' },
        body: () => JSON.stringify(credentials),
        expect: 200,
      }),
    ];
    console.log(`\n## API foundation\ncold start to /api/ready: ${api.coldStartMs.toFixed(0)} ms (process spawn → first 200)`);
    printResults(results);
  } finally {
    await api.stop();
  }
}
