import { routes } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer } from '../../../test/fake-model-server.ts';
import { byId, expectProblem, startTestApp } from '../../../test/harness.ts';
import type { TestApp } from '../../../test/harness.ts';

let fake: Awaited<ReturnType<typeof startFakeModelServer>>;
let app: TestApp;
beforeAll(async () => {
  fake = await startFakeModelServer();
  // Chat through an OpenAI-compatible server, summaries through Ollama: one setting per use.
  app = await startTestApp({
    AI_CHAT_PROVIDER: 'openai',
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-secret',
    AI_SUMMARY_PROVIDER: 'ollama',
    OLLAMA_URL: fake.url,
    AI_TIMEOUT_MS: '2000',
  });
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

/** Reads a Server-Sent Events body into its events. */
const events = (text: string) =>
  text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const [event, data] = block.split('\n');
      return { event: event!.slice(7), data: JSON.parse(data!.slice(6)) };
    });

describe('POST /api/ai/chat', () => {
  it('requires authentication and rejects invalid input', async () => {
    expectProblem(await app.client().call(routes.ai.chat, { body: { messages: [] } }), 401);
    const user = await app.newUser();
    const empty = await user.call(routes.ai.chat, { body: { messages: [] } });
    expect(expectProblem(empty, 400).errors?.[0]?.path).toBe('body.messages');
  });

  it('streams the answer as Server-Sent Events, ending with the usage', async () => {
    const user = await app.newUser();
    const res = await user.call(routes.ai.chat, { body: { messages: [{ role: 'user', content: 'bonjour tout le monde' }] } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // Never compressed, though fetch accepts gzip and br: a compressor would hold each token back.
    expect(res.headers.get('content-encoding')).toBeNull();
    const stream = events(res.body);
    expect(
      stream
        .filter((e) => e.event === 'token')
        .map((e) => e.data.text)
        .join(''),
    ).toBe('bonjour tout le monde');
    expect(stream.at(-1)).toEqual({
      event: 'done',
      data: { model: 'gpt-4o-mini', usage: { promptTokens: 9, completionTokens: 4 } },
    });
  });

  it('stops the model call when the client disconnects', async () => {
    const user = await app.newUser();
    fake.state.delayMs = 50;
    const before = fake.state.aborted;
    const controller = new AbortController();
    const res = await fetch(`${app.baseUrl}/api/ai/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ') }] }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => fake.state.aborted).toBe(before + 1);
    fake.state.delayMs = 5;
  });

  it('answers 503 naming the failing server, without its key', async () => {
    const user = await app.newUser();
    fake.state.mode = 'error';
    const res = await user.call(routes.ai.complete, { body: { prompt: 'x' } });
    expect(expectProblem(res, 503).detail).toMatch(/openai: HTTP 500/);
    expect(JSON.stringify(res.body)).not.toContain('sk-secret');
    fake.state.mode = 'ok';
  });
});

describe('POST /api/ai/complete', () => {
  it('answers in one piece', async () => {
    const user = await app.newUser();
    const res = await user.call(routes.ai.complete, { body: { prompt: 'just this', system: 'be brief' } });
    expect(res.body).toEqual({ text: 'just this', model: 'gpt-4o-mini', usage: { promptTokens: 9, completionTokens: 2 } });
    expect(fake.state.requests.at(-1)!.body.messages[0]).toEqual({ role: 'system', content: 'be brief' });
  });
});

describe('note session summaries', () => {
  it('go through the summary model', async () => {
    const user = await app.newUser();
    const session = (await user.call(routes.noteSessions.create, { body: { name: 'Standup' } })).body;
    await user.call(routes.noteLines.create, { body: { sessionId: session.id, content: 'ship friday' } });
    const res = await user.call(routes.noteSessions.summarize, byId(session.id));
    expect(res.status).toBe(200);
    expect(fake.state.requests.at(-1)!.path).toBe('/api/chat');
    // The fake echoes the last message: the lines, as a bullet list.
    expect(res.body.session.aiSummary).toBe('- ship friday');
  });
});

describe('AI status', () => {
  it('names the model per use and never shows a key', async () => {
    const user = await app.newUser();
    const res = await user.call(routes.search.aiStatus);
    expect(res.body.chat).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(res.body.summary).toEqual({ provider: 'ollama', model: 'llama3.2' });
    expect(JSON.stringify(res.body)).not.toContain('sk-secret');
  });
});
