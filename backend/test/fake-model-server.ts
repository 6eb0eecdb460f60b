import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHashingEmbedder } from '../src/ml/embeddings/hashing.ts';

/** How the fake answers: normally, with an HTTP error, or never (to test timeouts and crashes). */
export type FakeMode = 'ok' | 'error' | 'hang';

const readBody = async (req: IncomingMessage) => {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text ? (JSON.parse(text) as Record<string, any>) : {};
};

/**
 * One loopback server speaking the Ollama (`/api/embed`, `/api/chat`) and OpenAI
 * (`/v1/embeddings`, `/v1/chat/completions`) wire formats, streaming included. Embeddings come
 * from the hashing embedder so results are meaningful; chat answers are the scripted ones, else echo the last
 * message word by word.
 */
export async function startFakeModelServer() {
  const embedder = createHashingEmbedder();
  const state = {
    mode: 'ok' as FakeMode,
    requests: [] as { path: string; body: Record<string, any>; headers: IncomingMessage['headers'] }[],
    /** Streamed answers the client cut before their end. */
    aborted: 0,
    /** Pause between streamed parts. */
    delayMs: 5,
    /** Scripted chat answers (JSON or malformed text), given in order; once used up, answers echo again. */
    answers: [] as string[],
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    state.requests.push({ path: req.url ?? '', body, headers: req.headers });
    if (state.mode === 'hang') return; // never answers; the client's timeout or a crash ends it
    if (state.mode === 'error') {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'model exploded' }));
      return;
    }
    const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
    if (req.url === '/api/embed') return json(res, { model: body.model, embeddings: await embedder.embed(input) });
    if (req.url === '/v1/embeddings') {
      const vectors = await embedder.embed(input);
      // Reversed on purpose: clients must order by `index`.
      const data = vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })).reverse();
      return json(res, { object: 'list', data, model: body.model, usage: { prompt_tokens: 3, total_tokens: 3 } });
    }
    const words = (state.answers.shift() ?? String(body.messages?.at(-1)?.content ?? '')).split(' ');
    if (req.url === '/api/chat') return streamOllama(res, words);
    if (req.url === '/v1/chat/completions') return streamOpenAi(res, words);
    res.writeHead(404).end();
  }

  const json = (res: ServerResponse, data: unknown) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data));

  async function slowly(res: ServerResponse, parts: string[]) {
    res.on('close', () => {
      if (!res.writableFinished) state.aborted++;
    });
    for (const part of parts) {
      if (res.destroyed) return;
      res.write(part);
      await new Promise((r) => setTimeout(r, state.delayMs));
    }
    res.end();
  }

  function streamOllama(res: ServerResponse, words: string[]) {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const lines = words.map(
      (w, i) => JSON.stringify({ message: { role: 'assistant', content: (i ? ' ' : '') + w }, done: false }) + '\n',
    );
    lines.push(JSON.stringify({ message: { content: '' }, done: true, prompt_eval_count: 7, eval_count: words.length }) + '\n');
    return slowly(res, lines);
  }

  function streamOpenAi(res: ServerResponse, words: string[]) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const events = words.map((w, i) => `data: ${JSON.stringify({ choices: [{ delta: { content: (i ? ' ' : '') + w } }] })}\n\n`);
    events.push(
      `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 9, completion_tokens: words.length } })}\n\n`,
      'data: [DONE]\n\n',
    );
    return slowly(res, events);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
