import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestClient } from '../../../test/harness.ts';
import { loadConfig } from '../../config.ts';
import { createEmbedder } from '../setup.ts';
import { createHashingEmbedder } from './hashing.ts';
import { ensureModelFiles, tokenlearnStaticModel } from './model-files.ts';
import type { EmbeddingProvider } from './provider.ts';
import { loadStaticModel } from './static-model.ts';
import { createUnigramTokenizer } from './unigram-tokenizer.ts';

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

/** The small fixed corpus of the search module's relevance test. */
const notes = [
  ['Quarterly budget', 'Planning the budget for next quarter: hiring costs, cloud spending and travel.'],
  ['Garden', 'Plant tomatoes in May, water the roses every evening, prune the apple tree.'],
  ['Team offsite', 'Organising the offsite: book a venue in the mountains, plan hikes and workshops.'],
  ['Car maintenance', 'Change the tyres before winter and check the brakes at the garage.'],
  ['Réunion client', 'Préparer la réunion avec le client: présenter la maquette et le planning de livraison.'],
] as const;

/** A safetensors file, written as the format says: header length, JSON header, raw tensors. */
function safetensors(tensors: Record<string, { dtype: string; shape: number[]; data: ArrayBufferView }>) {
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.data.byteLength] };
    offset += t.data.byteLength;
  }
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  const data = Object.values(tensors).map((t) => Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  return Buffer.concat([length, json, ...data]);
}

describe('Unigram tokenizer', () => {
  const encode = createUnigramTokenizer({
    model: {
      type: 'Unigram',
      unk_id: 0,
      vocab: [
        ['<unk>', 0],
        ['▁', -3],
        ['▁un', -2],
        ['▁unit', -4],
        ['ed', -2],
        ['it', -3],
        ['▁united', -9],
        ['e', -5],
        ['d', -5],
      ],
    },
    pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'WhitespaceSplit' }, { type: 'Metaspace', replacement: '▁' }] },
  });

  it('picks the most probable segmentation of each word', () => {
    // ▁unit+ed (-6) beats ▁united (-9) and ▁un+it+ed (-7).
    expect(encode('united')).toEqual([3, 4]);
    expect(encode('  un\tunit  ')).toEqual([2, 3]);
  });

  it('fuses a run of unknown characters into one unknown piece, applies NFKC and stops at the limit', () => {
    expect(encode('unxyzit')).toEqual([2, 0, 5]);
    expect(encode('ｕｎ')).toEqual([2]);
    expect(encode('un un un', 2)).toEqual([2, 2]);
  });
});

describe('static model file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'static-model-'));
    const vocab: [string, number][] = [
      ['<unk>', 0],
      ['▁cat', -1],
      ['▁dog', -1],
      ['▁car', -1],
    ];
    await writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify({ model: { type: 'Unigram', unk_id: 0, vocab } }));
    await writeFile(
      path.join(dir, 'model.safetensors'),
      safetensors({
        // Cat and dog share the "animal" row, at different weights; car has its own row.
        mapping: { dtype: 'I64', shape: [4], data: BigInt64Array.from([0n, 1n, 1n, 2n]) },
        weights: { dtype: 'F32', shape: [4], data: Float32Array.from([0, 1, 3, 1]) },
        embeddings: { dtype: 'I8', shape: [3, 2], data: Int8Array.from([0, 0, 100, 0, 0, -50]) },
      }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('embeds a text as the weighted mean of its tokens’ rows, normalized', async () => {
    const model = await loadStaticModel(dir);
    expect(model.dimension).toBe(2);
    expect(model.embed('cat')).toEqual([1, 0]);
    // 3 × (100, 0) + 1 × (0, -50) = (300, -50), in the direction of (6, -1).
    const [x, y] = model.embed('dog car');
    expect(x).toBeCloseTo(6 / Math.sqrt(37), 6);
    expect(y).toBeCloseTo(-1 / Math.sqrt(37), 6);
    expect(model.embed('')).toEqual([0, 0]);
  });
});

describe('EMBEDDINGS_MODEL for the local provider', () => {
  const embedderFor = (model?: string) =>
    createEmbedder(loadConfig({ DATA_DIR: os.tmpdir(), ...(model ? { EMBEDDINGS_MODEL: model } : {}) }));

  it('picks the hashing embedder by default, the packaged model by its name, and refuses any other name', () => {
    expect(embedderFor()).toMatchObject({ provider: 'local', model: 'local-hashing-v1', dimension: 384 });
    expect(embedderFor(tokenlearnStaticModel.name)).toMatchObject({ model: tokenlearnStaticModel.name, dimension: 64 });
    expect(() => embedderFor('nomic-embed-text')).toThrow(/not a local model; one of: local-hashing-v1, tokenlearn/);
  });
});

describe(`the packaged model ${tokenlearnStaticModel.name}`, () => {
  let model: Awaited<ReturnType<typeof loadStaticModel>>;
  beforeAll(async () => {
    model = await loadStaticModel(await ensureModelFiles(tokenlearnStaticModel));
  }, 180_000);

  it('gives the vectors of the package’s own encoder: deterministic unit vectors of 64 dimensions', () => {
    const text = 'Réunion de planification du sprint lundi matin';
    const vector = model.embed(text);
    expect(vector).toHaveLength(tokenlearnStaticModel.dimension);
    // First components from the package's Rust encoder (`static_model.get_embeddings`) on the same text.
    [0.192498, 0.143088, -0.112708, -0.166].forEach((x, i) => expect(vector[i]).toBeCloseTo(x, 5));
    expect(Math.hypot(...vector)).toBeCloseTo(1, 6);
    expect(model.embed(text)).toEqual(vector);
  });

  it('knows meanings across words and languages, which the hashing embedder cannot', async () => {
    // No query shares a word with the note it means.
    const queries: [string, number][] = [
      ['combien coûte le recrutement', 0],
      ['jardinage', 1],
      ['looking after flowers and vegetables', 1],
      ['fixing my vehicle', 3],
    ];
    const firstOf = async (embedder: Pick<EmbeddingProvider, 'embed'>) => {
      const vectorsOfNotes = await embedder.embed(notes.map(([title, content]) => `${title}\n${content}`));
      const vectors = await embedder.embed(queries.map(([q]) => q));
      return vectors.map((v) => {
        const scores = vectorsOfNotes.map((n) => dot(n, v));
        return scores.indexOf(Math.max(...scores));
      });
    };
    expect(await firstOf({ embed: async (texts) => texts.map(model.embed) })).toEqual(queries.map(([, i]) => i));
    const hashing = await firstOf(createHashingEmbedder());
    expect(hashing.filter((first, i) => first === queries[i]![1]).length).toBeLessThan(queries.length);
  });
});

describe(`search after switching to EMBEDDINGS_MODEL=${tokenlearnStaticModel.name}`, () => {
  let app: TestApp;
  let api: TestClient;
  const ids: string[] = [];
  beforeAll(async () => {
    await ensureModelFiles(tokenlearnStaticModel);
    // The notes are written under the hashing embedder; the model's app, on the same database, must index them again.
    const shared = { MONGODB_DB: `test_${randomBytes(6).toString('hex')}`, JWT_SECRET: randomBytes(32).toString('hex') };
    const before = await startTestApp(shared);
    const user = await before.newUser();
    for (const [title, content] of notes) ids.push((await user.api.post('/api/notes', { title, content })).body.id);
    await before.server.services.indexer.flush();
    await before.close();
    app = await startTestApp({ ...shared, EMBEDDINGS_PROVIDER: 'local', EMBEDDINGS_MODEL: tokenlearnStaticModel.name });
    api = app.client(user.token);
    await app.server.services.indexer.flush();
  }, 180_000);
  afterAll(() => app?.close());

  it('names the model in the AI status and keeps its vectors in a collection of its own', async () => {
    const status = (await api.get('/api/search/ai-status')).body;
    expect(status.embeddings).toMatchObject({
      provider: 'local',
      model: tokenlearnStaticModel.name,
      dimension: 64,
      reachable: true,
      description: expect.stringMatching(/^static embedding model tokenlearn-static-model 0\.1\.1/),
    });
    const info = (await api.get('/api/search/collection-info')).body;
    expect(info).toMatchObject({ collection: 'panoramix_tokenlearn_static_model_0_1_1', model: tokenlearnStaticModel.name });
  });

  it('ranks the right note first for paraphrased queries', async () => {
    const first = async (query: string) =>
      ((await api.get(`/api/search?q=${encodeURIComponent(query)}`)).body as { items: { id: string }[] }).items[0]?.id;
    // With no word in common, only a model finds "fixing my vehicle" and "jardinage" (the hashing
    // embedder returns nothing for them). This small model misses "how much will we spend on
    // hiring and travel" and "planned hiking trip for the team": its vector of the French note
    // sits closer to them than the right ones.
    const expected: [string, number][] = [
      ['watering plants', 1],
      ['reunions clients maquettes', 4],
      ['fixing my vehicle', 3],
      ['jardinage', 1],
    ];
    const got: Record<string, number> = {};
    for (const [query] of expected) got[query] = ids.indexOf((await first(query))!);
    expect(got).toEqual(Object.fromEntries(expected));
  });
});
