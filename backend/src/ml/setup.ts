import type { Db } from 'mongodb';
import type { Config } from '../config.ts';
import { createHashingEmbedder } from './embeddings/hashing.ts';
import { createOllamaEmbedder } from './embeddings/ollama.ts';
import { createOpenAiEmbedder } from './embeddings/openai.ts';
import type { EmbeddingProvider } from './embeddings/provider.ts';
import { createOllamaChat } from './llm/ollama.ts';
import { createOpenAiChat } from './llm/openai.ts';
import type { LanguageModel } from './llm/provider.ts';
import { createEmbeddedStore } from './vectors/embedded.ts';
import { createQdrantStore } from './vectors/qdrant.ts';
import type { VectorStore } from './vectors/store.ts';

const defaultEmbeddingModel = { ollama: 'nomic-embed-text', openai: 'text-embedding-3-small' };
const defaultChatModel = { ollama: 'llama3.2', openai: 'gpt-4o-mini' };

export function createEmbedder(config: Config): EmbeddingProvider {
  const timeoutMs = config.AI_TIMEOUT_MS;
  if (config.EMBEDDINGS_PROVIDER === 'ollama') {
    return createOllamaEmbedder({
      url: config.OLLAMA_URL,
      model: config.EMBEDDINGS_MODEL ?? defaultEmbeddingModel.ollama,
      timeoutMs,
    });
  }
  if (config.EMBEDDINGS_PROVIDER === 'openai') {
    const model = config.EMBEDDINGS_MODEL ?? defaultEmbeddingModel.openai;
    return createOpenAiEmbedder({ baseUrl: config.OPENAI_BASE_URL, apiKey: config.OPENAI_API_KEY, model, timeoutMs });
  }
  return localEmbedder(config.EMBEDDINGS_MODEL);
}

/** The only in-process model: a small static one (tokenlearn) ranked no better than hashing on our corpus and needed Python at run time. */
const LOCAL_MODEL = 'local-hashing-v1';

function localEmbedder(model = LOCAL_MODEL): EmbeddingProvider {
  if (model !== LOCAL_MODEL)
    throw new Error(`EMBEDDINGS_MODEL=${model} is not a local model; the local provider has ${LOCAL_MODEL} only`);
  return createHashingEmbedder();
}

/** The collection is named after the model, so a model change starts a fresh one instead of mixing vectors. */
export const collectionName = (base: string, model: string) => `${base}_${model.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}`;

export function createVectorStore(config: Config, db: Db, model: string): VectorStore {
  const collection = collectionName(config.QDRANT_COLLECTION, model);
  if (config.QDRANT_URL) {
    return createQdrantStore({
      url: config.QDRANT_URL,
      apiKey: config.QDRANT_API_KEY,
      collection,
      timeoutMs: config.AI_TIMEOUT_MS,
    });
  }
  return createEmbeddedStore({ db, collection });
}

export interface LlmChoice {
  provider: 'none' | 'ollama' | 'openai';
  model: string | null;
}

function languageModel(config: Config, provider: 'none' | 'ollama' | 'openai', model: string | undefined) {
  const timeoutMs = config.AI_TIMEOUT_MS;
  if (provider === 'ollama')
    return createOllamaChat({ url: config.OLLAMA_URL, model: model ?? defaultChatModel.ollama, timeoutMs });
  if (provider === 'openai') {
    const name = model ?? defaultChatModel.openai;
    return createOpenAiChat({ baseUrl: config.OPENAI_BASE_URL, apiKey: config.OPENAI_API_KEY, model: name, timeoutMs });
  }
  return undefined;
}

/** One language model per use, as configured; the summary settings fall back to the chat ones. */
export function createLanguageModels(config: Config): { chat?: LanguageModel | undefined; summary?: LanguageModel | undefined } {
  const summaryProvider = config.AI_SUMMARY_PROVIDER ?? config.AI_CHAT_PROVIDER;
  const summaryModel = config.AI_SUMMARY_MODEL ?? (config.AI_SUMMARY_PROVIDER ? undefined : config.AI_CHAT_MODEL);
  return {
    chat: languageModel(config, config.AI_CHAT_PROVIDER, config.AI_CHAT_MODEL),
    summary: languageModel(config, summaryProvider, summaryModel),
  };
}

export const describeModel = (llm: LanguageModel | undefined): LlmChoice =>
  llm ? { provider: llm.provider, model: llm.model } : { provider: 'none', model: null };
