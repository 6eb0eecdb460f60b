import { tokenize } from '../text.ts';
import type { EmbeddingProvider } from './provider.ts';
import { normalizeVector } from './provider.ts';

const DIMENSION = 384;

/** Words that say nothing about a text's subject (English and French); without a model they only add noise. */
const STOP_WORDS = new Set(
  (
    'the a an and or of to in on at for with by from is are be was it this that we you our your my as not ' +
    'le la les un une des du de et ou en au aux pour par sur avec dans est sont ce cette nous vous mon ma mes'
  ).split(' '),
);

/** FNV-1a: fast, stable across processes and versions (the vectors are persisted). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function add(vector: number[], feature: string, weight: number) {
  const h = hash(feature);
  // One bit of the hash picks the sign, so unrelated features cancel out instead of piling up.
  vector[h % DIMENSION]! += h & 0x80000000 ? -weight : weight;
}

/**
 * The offline default: a deterministic hashing embedder (feature hashing of words and their
 * character trigrams). It knows no synonyms, but word forms ("planning"/"plan", "réunions"/
 * "reunion") and typos still land close, which a keyword index alone misses. No model file,
 * no network; a real model (Ollama, an OpenAI-compatible server) replaces it by configuration.
 */
/** A text's features (words, their character trigrams, word pairs) with their weights, in a fixed order. */
function featuresOf(text: string): [string, number][] {
  const features: [string, number][] = [];
  const words = tokenize(text).filter((word) => !STOP_WORDS.has(word));
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const [word, count] of counts) {
    const weight = 1 + Math.log(count);
    features.push([`w:${word}`, weight]);
    const padded = `^${word}$`;
    for (let i = 0; i + 3 <= padded.length; i++) features.push([`t:${padded.slice(i, i + 3)}`, weight * 0.5]);
  }
  for (let i = 0; i + 1 < words.length; i++) features.push([`b:${words[i]} ${words[i + 1]}`, 0.5]);
  return features;
}

export function createHashingEmbedder(): EmbeddingProvider {
  function embedOne(text: string): number[] {
    const vector = new Array<number>(DIMENSION).fill(0);
    for (const [feature, weight] of featuresOf(text)) add(vector, feature, weight);
    return normalizeVector(vector);
  }

  return {
    provider: 'local',
    model: 'local-hashing-v1',
    dimension: DIMENSION,
    description: 'deterministic hashing embedder (offline, word and trigram features; no language model)',
    embed: async (texts) => texts.map(embedOne),
    // 384 slots: features of two unrelated texts often share one ("walrus" lands 0.11 from "The quokka
    // photos are ready", as near as a real paraphrase may be). Only texts sharing a feature are related.
    related(query) {
      const wanted = new Set(featuresOf(query).map(([feature]) => feature));
      return (text) => featuresOf(text).some(([feature]) => wanted.has(feature));
    },
  };
}
