/** A model or vector server answered badly or not at all. The message never carries credentials. */
export class ProviderError extends Error {
  constructor(
    readonly service: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${service}: ${message}`);
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Cancels the call, e.g. when the browser that asked for it went away. */
  signal?: AbortSignal | undefined;
}

/** Both the caller's signal and the timeout end the request. */
const combinedSignal = (timeoutMs: number, signal?: AbortSignal) =>
  signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);

/** Sends a JSON request; resolves with the Response once its status is 2xx. */
export async function send(service: string, url: string, options: RequestOptions): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: combinedSignal(options.timeoutMs, options.signal),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : String(error);
    throw new ProviderError(service, reason);
  }
  if (!res.ok) {
    const text = (await res.text().catch(() => '')).slice(0, 300);
    throw new ProviderError(service, `HTTP ${res.status} ${text}`.trim(), res.status);
  }
  return res;
}

export async function requestJson<T>(service: string, url: string, options: RequestOptions): Promise<T> {
  const res = await send(service, url, options);
  return (await res.json()) as T;
}

/** Lines of a streamed body as they arrive (NDJSON and SSE are both line-based). */
export async function* lines(res: Response): AsyncGenerator<string> {
  if (!res.body) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      yield buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
    }
  }
  if (buffer) yield buffer;
}
