import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startFakeModelServer } from './fake-model-server.ts';
import { createClient } from './harness.ts';
import { spawnApi } from './processes.ts';
import type { ApiProcess } from './processes.ts';

const processes: ApiProcess[] = [];
afterAll(() => Promise.all(processes.map((p) => p.kill())));

describe('durable indexing', () => {
  it('loses nothing when the server is killed mid-backlog', { timeout: 60_000 }, async () => {
    const fake = await startFakeModelServer();
    fake.state.mode = 'hang'; // the first instance's embedding call never returns
    const env = {
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: `crash_${randomBytes(4).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      EMBEDDINGS_PROVIDER: 'ollama',
      OLLAMA_URL: fake.url,
      AI_TIMEOUT_MS: '1000',
      JOBS_POLL_MS: '200',
    };
    const first = await spawnApi(env);
    processes.push(first);
    const anonymous = createClient(first.baseUrl);
    const { accessToken } = (
      await anonymous.post('/api/auth/register', { username: 'crashy', password: 'correct horse battery' })
    ).body;
    const api = createClient(first.baseUrl, { token: accessToken });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await api.post('/api/notes', { title: `Crash note ${i}`, content: 'durable backlog' })).body.id);
    await expect.poll(() => fake.state.requests.some((r) => r.path === '/api/embed'), { timeout: 10_000 }).toBe(true);
    await first.kill(); // SIGKILL while the batch is leased and its embedding call is in flight

    fake.state.mode = 'ok';
    const second = await spawnApi(env);
    processes.push(second);
    const again = createClient(second.baseUrl, { token: accessToken });
    await expect
      .poll(async () => (await again.get('/api/search?q=backlog&limit=50')).body.items?.length, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(12);
    const status = (await again.get('/api/search/ai-status')).body;
    expect(status.queue).toMatchObject({ pending: 0, failed: 0 });
    await fake.close();
  });
});
