import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Condition = { key: string; match: { any?: unknown[]; value?: unknown } };
interface Filter {
  must?: (Condition | Filter)[];
  should?: (Condition | Filter)[];
}
interface Point {
  id: string;
  vector: number[];
  payload: Record<string, unknown>;
}

const isCondition = (c: Condition | Filter): c is Condition => 'key' in c;

function matches(payload: Record<string, unknown>, filter: Filter | undefined): boolean {
  if (!filter) return true;
  const test = (c: Condition | Filter) =>
    isCondition(c)
      ? c.match.any
        ? c.match.any.includes(payload[c.key])
        : payload[c.key] === c.match.value
      : matches(payload, c);
  if (filter.must && !filter.must.every(test)) return false;
  if (filter.should && !filter.should.some(test)) return false;
  return true;
}

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

/**
 * The subset of Qdrant's REST API the store calls, with Qdrant's answer shapes: collections
 * (get, create, delete, payload index), points (upsert, delete by filter, search, count). It
 * refuses a search without a filter, as our client must never send one.
 */
export async function startFakeQdrant() {
  const collections = new Map<string, { size: number; points: Map<string, Point>; indexes: string[] }>();
  const log: { method: string; path: string; body: any }[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const body = text ? JSON.parse(text) : {};
    const path = (req.url ?? '').split('?')[0]!;
    log.push({ method: req.method ?? '', path, body });
    const reply = (status: number, result: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ result, status: 'ok', time: 0 }));
    if (path === '/collections' && req.method === 'GET')
      return reply(200, { collections: [...collections.keys()].map((name) => ({ name })) });
    const [, , name, ...rest] = path.split('/');
    const route = `${req.method} ${rest.join('/')}`;
    const collection = collections.get(decodeURIComponent(name ?? ''));
    if (route === 'PUT ') {
      collections.set(decodeURIComponent(name!), { size: body.vectors.size, points: new Map(), indexes: [] });
      return reply(200, true);
    }
    if (!collection)
      return res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ status: { error: 'Not found' } }));
    switch (route) {
      case 'GET ':
        return reply(200, {
          status: 'green',
          points_count: collection.points.size,
          config: { params: { vectors: { size: collection.size, distance: 'Cosine' } } },
        });
      case 'PUT index':
        collection.indexes.push(body.field_name);
        return reply(200, { status: 'completed' });
      case 'PUT points':
        for (const p of body.points as Point[]) {
          if (p.vector.length !== collection.size)
            return res.writeHead(400).end(JSON.stringify({ status: { error: 'Wrong input: Vector dimension error' } }));
          collection.points.set(p.id, p);
        }
        return reply(200, { status: 'completed' });
      case 'POST points/delete':
        for (const [id, p] of collection.points) if (matches(p.payload, body.filter)) collection.points.delete(id);
        return reply(200, { status: 'completed' });
      case 'POST points/count':
        return reply(200, { count: [...collection.points.values()].filter((p) => matches(p.payload, body.filter)).length });
      case 'POST points/search': {
        if (!body.filter) return res.writeHead(400).end(JSON.stringify({ status: { error: 'test server: unfiltered search' } }));
        const hits = [...collection.points.values()]
          .filter((p) => matches(p.payload, body.filter))
          .map((p) => ({ id: p.id, version: 0, score: dot(p.vector, body.vector), payload: p.payload }))
          .sort((a, b) => b.score - a.score)
          .slice(0, body.limit);
        return reply(200, hits);
      }
    }
    res.writeHead(404).end();
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    collections,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
