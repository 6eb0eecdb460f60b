// Chat load: N sockets (one per user) in 100 group rooms, messages sent over the sockets at a
// steady rate; delivery latency from send to receipt by every member socket, and the server's
// memory per socket. Then the same on two API instances behind Redis, sockets split across them.
// BENCH_CHAT_SOCKETS (2000), BENCH_CHAT_ROOMS (100), BENCH_CHAT_RATES (messages/s, "50,100,200,400"),
// BENCH_SECONDS per rate.
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { startRedis } from '../../backend/test/processes.ts';
import { durationMs, startBenchApi } from './api-process.ts';
import { percentile } from './load.ts';
import { inBatches, post, sleep } from './requests.ts';

const SOCKETS = Number(process.env.BENCH_CHAT_SOCKETS ?? 2000);
const ROOMS = Number(process.env.BENCH_CHAT_ROOMS ?? 100);
const RATES = (process.env.BENCH_CHAT_RATES ?? '50,100,200,400').split(',').map(Number);

const rssMib = (pids: number[]) =>
  pids.reduce((sum, pid) => sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0), 0) / 1024;

interface Row {
  setup: string;
  sockets: number;
  'msg/s': number;
  'deliveries/s': number;
  'p50 ms': string;
  'p95 ms': string;
  'p99 ms': string;
  delivered: string;
  'ack errors': number;
  'server KiB/socket': string;
}

async function scenario(setup: string, instances: number, env: Record<string, string> = {}): Promise<Row[]> {
  // Cheap password hashing: the bench measures chat, not sign-up.
  const api = await startBenchApi({ instances, env: { ARGON2_MEMORY_KIB: '1024', ...env } });
  const sockets: Socket[] = [];
  try {
    const users = await inBatches(SOCKETS, 32, async (i) => {
      const session = await post(`${api.base}/api/auth/register`, { username: `chat_${i}`, password: 'bench-password-123' });
      return { id: session.user.id as string, token: session.accessToken as string };
    });
    const roomOf = (i: number) => i % ROOMS;
    const roomIds = await inBatches(ROOMS, 16, async (r) => {
      const members = users.filter((_, i) => roomOf(i) === r);
      const body = { type: 'group', name: `Room ${r}`, memberIds: members.slice(1).map((m) => m.id) };
      return (await post(`${api.base}/api/rooms`, body, members[0]!.token)).id as string;
    });
    const roomSize = (r: number) => users.filter((_, i) => roomOf(i) === r).length;

    const before = rssMib(api.pids);
    await inBatches(SOCKETS, 100, async (i) => {
      const socket = io(api.bases[i % api.bases.length]!, {
        auth: { token: users[i]!.token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets[i] = socket;
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
    });
    await sleep(2000); // presence announcements of the connections settle
    const perSocketKib = ((rssMib(api.pids) - before) * 1024) / SOCKETS;

    let sentAt = new Map<string, number>();
    let latencies: number[] = [];
    for (const socket of sockets) {
      socket.on('message:new', (message: { clientId: string }) => {
        const t0 = sentAt.get(message.clientId);
        if (t0 !== undefined) latencies.push(performance.now() - t0);
      });
    }

    const rows: Row[] = [];
    let sequence = 0;
    for (const rate of RATES) {
      sentAt = new Map();
      latencies = [];
      let expected = 0;
      let ackErrors = 0;
      const started = performance.now();
      let sent = 0;
      while (performance.now() - started < durationMs) {
        const due = Math.floor(((performance.now() - started) / 1000) * rate);
        for (; sent < due; sent++) {
          const i = Math.floor(Math.random() * SOCKETS);
          const clientId = `bench-${++sequence}-${i}`;
          sentAt.set(clientId, performance.now());
          expected += roomSize(roomOf(i));
          sockets[i]!.emit(
            'message:send',
            { roomId: roomIds[roomOf(i)], clientId, text: `hello ${sequence}` },
            (ack: { ok: boolean }) => {
              if (!ack.ok) ackErrors++;
            },
          );
        }
        await sleep(5);
      }
      await sleep(3000); // stragglers
      const sorted = Float64Array.from(latencies).sort();
      rows.push({
        setup,
        sockets: SOCKETS,
        'msg/s': rate,
        'deliveries/s': Math.round(latencies.length / (durationMs / 1000)),
        'p50 ms': percentile(sorted, 50).toFixed(1),
        'p95 ms': percentile(sorted, 95).toFixed(1),
        'p99 ms': percentile(sorted, 99).toFixed(1),
        delivered: `${((100 * latencies.length) / Math.max(1, expected)).toFixed(1)}%`,
        'ack errors': ackErrors,
        'server KiB/socket': perSocketKib.toFixed(1),
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
    return rows;
  } finally {
    // The servers close the sockets: a client-side mass disconnect would first make every user "offline" one by one.
    await api.stop();
    for (const socket of sockets) socket?.disconnect();
  }
}

export async function chatBench() {
  console.log(`\n## Chat: ${SOCKETS} sockets in ${ROOMS} rooms, ${durationMs / 1000} s per rate`);
  const rows = await scenario('1 instance', 1);
  const redis = await startRedis();
  try {
    rows.push(...(await scenario('2 instances + Redis', 2, { REDIS_URL: redis.url })));
  } finally {
    await redis.stop();
  }
  console.table(rows);
}
