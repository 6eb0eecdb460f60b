import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingProvider } from './provider.ts';
import { normalizeVector } from './provider.ts';
import { createUnigramTokenizer } from './unigram-tokenizer.ts';
import type { UnigramTokenizerJson } from './unigram-tokenizer.ts';

interface TensorInfo {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/** Reads a safetensors file: an 8-byte header length, a JSON header, then the raw little-endian tensors. */
export function readSafetensors(file: Buffer): Map<string, { dtype: string; shape: number[]; bytes: ArrayBuffer }> {
  const headerLength = Number(file.readBigUInt64LE(0));
  const header = JSON.parse(file.subarray(8, 8 + headerLength).toString('utf8')) as Record<string, TensorInfo>;
  const tensors = new Map<string, { dtype: string; shape: number[]; bytes: ArrayBuffer }>();
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const [start, end] = info.data_offsets;
    // A copy, so typed arrays over it are aligned whatever the offset in the file.
    const bytes = new Uint8Array(file.subarray(8 + headerLength + start, 8 + headerLength + end)).buffer;
    tensors.set(name, { dtype: info.dtype, shape: info.shape, bytes });
  }
  return tensors;
}

function tensor(tensors: ReturnType<typeof readSafetensors>, name: string, dtype: string) {
  const found = tensors.get(name);
  if (found?.dtype !== dtype) throw new Error(`static model: expected tensor "${name}" of type ${dtype}`);
  return found;
}

/**
 * A Model2Vec-style static model whose vocabulary is quantized: each token points (`mapping`)
 * to one of a few shared rows (`embeddings`, int8) and carries its own `weights`. A text's
 * vector is the weighted mean of its tokens' rows, normalized. The int8 rows need no scale:
 * one scale for all rows would vanish in the normalization anyway.
 */
export async function loadStaticModel(dir: string) {
  const [weightsFile, tokenizerFile] = await Promise.all([
    readFile(path.join(dir, 'model.safetensors')),
    readFile(path.join(dir, 'tokenizer.json'), 'utf8'),
  ]);
  const tensors = readSafetensors(weightsFile);
  const rows = tensor(tensors, 'embeddings', 'I8');
  const embeddings = new Int8Array(rows.bytes);
  const dimension = rows.shape[1]!;
  const mapping = Int32Array.from(new BigInt64Array(tensor(tensors, 'mapping', 'I64').bytes), Number);
  const weights = new Float32Array(tensor(tensors, 'weights', 'F32').bytes);
  const encode = createUnigramTokenizer(JSON.parse(tokenizerFile) as UnigramTokenizerJson);

  return {
    dimension,
    embed(text: string): number[] {
      const sum = new Float64Array(dimension);
      for (const id of encode(text, MAX_TOKENS)) {
        const row = mapping[id]! * dimension;
        const weight = weights[id]!;
        for (let j = 0; j < dimension; j++) sum[j]! += weight * embeddings[row + j]!;
      }
      return normalizeVector(Array.from(sum));
    },
  };
}

/** As the model's own encoder: longer texts are cut (the indexer's chunks stay well below). */
const MAX_TOKENS = 512;

/** A static model whose folder `files` gives (see model-files.ts), loaded on first use: the first batch waits for it. */
export function createStaticModelEmbedder(options: {
  model: string;
  dimension: number;
  description: string;
  files: () => Promise<string>;
}): EmbeddingProvider {
  let loading: ReturnType<typeof loadStaticModel> | undefined;
  // A failed fetch is tried again by the next batch instead of failing for the process's lifetime.
  const load = () =>
    (loading ??= options
      .files()
      .then(loadStaticModel)
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
  return {
    provider: 'local',
    model: options.model,
    dimension: options.dimension,
    description: options.description,
    async embed(texts) {
      const model = await load();
      return texts.map(model.embed);
    },
  };
}
