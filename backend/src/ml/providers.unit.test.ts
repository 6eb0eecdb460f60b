import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer } from '../../test/fake-model-server.ts';
import { createOllamaEmbedder } from './embeddings/ollama.ts';
import { createOpenAiEmbedder } from './embeddings/openai.ts';
import { ProviderError } from './http-client.ts';
import { createOllamaChat } from './llm/ollama.ts';
import { createOpenAiChat } from './llm/openai.ts';
import { completeChat } from './llm/provider.ts';
import { createEmbedder } from './setup.ts';
import { loadConfig } from '../config.ts';

let fake: Awaited<ReturnType<typeof startFakeModelServer>>;
beforeAll(async () => {
  fake = await startFakeModelServer();
});
afterAll(() => fake.close());

const embedders = () => [
  createOllamaEmbedder({ url: fake.url, model: 'nomic-embed-text', timeoutMs: 1000 }),
  createOpenAiEmbedder({ baseUrl: `${fake.url}/v1`, apiKey: 'sk-test', model: 'text-embedding-3-small', timeoutMs: 1000 }),
];
const chats = () => [
  createOllamaChat({ url: fake.url, model: 'llama3.2', timeoutMs: 1000 }),
  createOpenAiChat({ baseUrl: `${fake.url}/v1`, apiKey: 'sk-test', model: 'gpt-4o-mini', timeoutMs: 1000 }),
];

describe('embedding providers', () => {
  it('embed a batch in one call, in order, as unit vectors, and learn the dimension', async () => {
    for (const embedder of embedders()) {
      fake.state.mode = 'ok';
      expect(embedder.dimension).toBeNull();
      const [a, b, a2] = await embedder.embed(['budget planning', 'garden roses', 'budget planning']);
      expect(a).toEqual(a2);
      expect(a).not.toEqual(b);
      expect(Math.hypot(...a!)).toBeCloseTo(1, 6);
      expect(embedder.dimension).toBe(384);
    }
    const openai = fake.state.requests.at(-1)!;
    expect(openai.path).toBe('/v1/embeddings');
    expect(openai.headers.authorization).toBe('Bearer sk-test');
    expect(openai.body).toEqual({
      model: 'text-embedding-3-small',
      input: ['budget planning', 'garden roses', 'budget planning'],
    });
  });

  it('turn HTTP errors and silence into provider errors that say which server and why', async () => {
    for (const embedder of embedders()) {
      fake.state.mode = 'error';
      await expect(embedder.embed(['x'])).rejects.toThrow(/HTTP 500.*model exploded/);
      fake.state.mode = 'hang';
      const error = await embedder.embed(['x']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect(String(error)).toMatch(/no answer within 1000 ms/);
      expect(String(error)).not.toContain('sk-test');
    }
    fake.state.mode = 'ok';
  });
});

describe('chat providers', () => {
  it('stream tokens, then the usage the server reported', async () => {
    for (const llm of chats()) {
      const answer = await completeChat(llm, [{ role: 'user', content: 'hello brave new world' }]);
      expect(answer.text).toBe('hello brave new world');
      expect(answer.usage.completionTokens).toBe(4);
      expect(answer.usage.promptTokens).toBeGreaterThan(0);
    }
    expect(fake.state.requests.at(-1)!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('stop reading and close the connection when cancelled', async () => {
    fake.state.delayMs = 50;
    for (const llm of chats()) {
      const before = fake.state.aborted;
      const controller = new AbortController();
      const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
      const seen: string[] = [];
      const reading = (async () => {
        for await (const chunk of llm.stream([{ role: 'user', content: words }], controller.signal)) {
          if (chunk.type === 'token') seen.push(chunk.text);
          if (seen.length === 2) controller.abort();
        }
      })();
      await expect(reading).rejects.toThrow();
      await expect.poll(() => fake.state.aborted).toBe(before + 1);
      expect(seen.length).toBeLessThan(5);
    }
    fake.state.delayMs = 5;
  });

  it('report a server error', async () => {
    fake.state.mode = 'error';
    for (const llm of chats()) await expect(completeChat(llm, [{ role: 'user', content: 'x' }])).rejects.toThrow(ProviderError);
    fake.state.mode = 'ok';
  });
});

describe('EMBEDDINGS_MODEL for the local provider', () => {
  const embedderFor = (model?: string) =>
    createEmbedder(loadConfig({ DATA_DIR: os.tmpdir(), ...(model ? { EMBEDDINGS_MODEL: model } : {}) }));

  it('is the hashing embedder, and any other name is refused at start', () => {
    expect(embedderFor()).toMatchObject({ provider: 'local', model: 'local-hashing-v1', dimension: 384 });
    expect(embedderFor('local-hashing-v1')).toMatchObject({ model: 'local-hashing-v1' });
    expect(() => embedderFor('tokenlearn-static-model-0.1.1')).toThrow(
      /not a local model; the local provider has local-hashing-v1 only/,
    );
  });
});
