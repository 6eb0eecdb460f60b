// What the socket benchmarks share to set up their users and rooms over the API.

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `count` calls of `make`, `size` at a time (so set-up does not trip the server's limits), in order. */
export async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => make(start + k)))));
  }
  return out;
}

/** A JSON POST that must succeed: the set-up of a benchmark has no use for a refusal. */
export async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}
