import http from 'node:http';

export interface LoadResult {
  label: string;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadOptions {
  label: string;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Builds the body of request number `i` (for writes that must differ). */
  body?: (i: number) => string;
  connections: number;
  durationMs: number;
  /** Status that counts as success. */
  expect: number;
}

export const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Closed-loop load: `connections` keep-alive clients each send their next request as soon
 * as the previous answer arrives, for `durationMs`. Latencies are exact (every request kept).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const deadline = performance.now() + options.durationMs;
  const started = performance.now();

  const once = () =>
    new Promise<void>((resolve) => {
      const i = sent++;
      const body = options.body?.(i);
      const t0 = performance.now();
      const req = http.request(options.url, { method: options.method ?? 'GET', agent, headers: options.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - t0);
          if (res.statusCode !== options.expect) errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });

  const loop = async () => {
    while (performance.now() < deadline) await once();
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  agent.destroy();

  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    label: options.label,
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

export function printResults(results: LoadResult[]) {
  const rows = results.map((r) => ({
    scenario: r.label,
    'req/s': r.rps.toFixed(0),
    'p50 ms': r.p50.toFixed(1),
    'p95 ms': r.p95.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    requests: r.requests,
    errors: r.errors,
  }));
  console.table(rows);
}
