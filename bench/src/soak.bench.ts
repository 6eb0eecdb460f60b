// Soak: storms of socket connects and disconnects, then mixed traffic (sockets coming and going,
// messages, typing, presence, REST reads) for a bounded time, printing the API's heap (after a full
// collection) and RSS along the way. What a storm leaves behind shows as heap that does not come back.
// BENCH_SOAK_MINUTES (3, at most 30) bounds the whole run, storms taking half of it at most; BENCH_SOAK_USERS (300),
// BENCH_SOAK_STORM (1200 connects per storm), BENCH_SOAK_STORMS (4). Loopback only.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ask, startBenchApi } from './api-process.ts';
import { inBatches, post, sleep } from './requests.ts';

const MINUTES = Math.min(30, Number(process.env.BENCH_SOAK_MINUTES ?? 3));
const USERS = Number(process.env.BENCH_SOAK_USERS ?? 300);
const STORM = Number(process.env.BENCH_SOAK_STORM ?? 1200);
const STORMS = Number(process.env.BENCH_SOAK_STORMS ?? 4);
const ROOM_SIZE = 10;
/** Mixed traffic: sockets kept open, and how many of them are replaced each round. */
const POOL = 200;
const CHURN = 40;
const ROUND_MS = 5000;

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Asks the API process for its memory (see memory-probe.ts). */
const memoryOf = (child: ChildProcess) => ask(child, 'memory', (usage) => usage as NodeJS.MemoryUsage, 10_000);

export async function soakBench() {
  const api = await startBenchApi({
    env: { ARGON2_MEMORY_KIB: '1024' },
    nodeArgs: ['--expose-gc', '--import', path.join(import.meta.dirname, 'memory-probe.ts')],
  });
  const started = performance.now();
  const deadline = started + MINUTES * 60_000;
  // Storms get half of the time at most, so that mixed traffic always runs too.
  const stormsDeadline = started + MINUTES * 30_000;
  const rows: Record<string, string | number>[] = [];
  const open = new Set<Socket>();
  async function sample(phase: string) {
    const usage = await memoryOf(api.children[0]!);
    const row = {
      s: Math.round((performance.now() - started) / 1000),
      phase,
      'open sockets': open.size,
      'heap MiB': mib(usage.heapUsed),
      'heap total MiB': mib(usage.heapTotal),
      'external MiB': mib(usage.external + usage.arrayBuffers),
      'rss MiB': mib(usage.rss),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }

  try {
    console.log(`\n## Soak: ${STORMS} storms of ${STORM} sockets, then mixed traffic; ${MINUTES} min at most`);
    const users = await inBatches(USERS, 32, async (i) => {
      const session = await post(`${api.base}/api/auth/register`, { username: `soak_${i}`, password: 'bench-password-123' });
      return { id: session.user.id as string, token: session.accessToken as string };
    });
    const roomOf = (i: number) => Math.floor(i / ROOM_SIZE);
    const rooms: string[] = [];
    for (let first = 0; first < USERS; first += ROOM_SIZE) {
      const members = users.slice(first + 1, first + ROOM_SIZE).map((u) => u.id);
      rooms.push(
        (await post(`${api.base}/api/rooms`, { type: 'group', name: `Soak ${first}`, memberIds: members }, users[first]!.token))
          .id,
      );
    }

    const connect = (i: number) =>
      new Promise<Socket>((resolve, reject) => {
        const socket = io(api.base, {
          auth: { token: users[i]!.token },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        socket.once('connect', () => {
          open.add(socket);
          resolve(socket);
        });
        socket.once('connect_error', reject);
        socket.once('disconnect', () => open.delete(socket));
      });
    const closeAll = () => {
      for (const socket of open) socket.disconnect();
      open.clear();
    };
    await sample('ready');

    for (let storm = 1; storm <= STORMS && performance.now() < stormsDeadline; storm++) {
      for (let start = 0; start < STORM && performance.now() < stormsDeadline; start += 100) {
        await Promise.all(Array.from({ length: Math.min(100, STORM - start) }, (_, k) => connect((start + k) % USERS)));
      }
      await sample(`storm ${storm}: connected`);
      closeAll();
      await sleep(3000);
      await sample(`storm ${storm}: disconnected 3 s ago`);
      await sleep(12_000); // what is left once the server has handled the disconnects and their presence announcements
      await sample(`storm ${storm}: disconnected 15 s ago`);
    }

    // Mixed traffic in rounds until the deadline (at most one round per ROUND_MS of the budget).
    const pool: { socket: Socket; user: number }[] = [];
    const fill = async () => {
      while (pool.length < POOL) {
        const user = Math.floor(Math.random() * USERS);
        pool.push({ socket: await connect(user), user });
      }
    };
    await fill();
    let sequence = 0;
    const refused = new Map<number, number>(); // status → count
    let restErrors = 0;
    const rounds = Math.floor((MINUTES * 60_000) / ROUND_MS);
    for (let round = 0; round < rounds && performance.now() < deadline - ROUND_MS; round++) {
      for (const { socket } of pool.splice(0, CHURN)) socket.disconnect();
      await fill();
      const roundEnd = performance.now() + ROUND_MS;
      while (performance.now() < roundEnd) {
        const { socket, user } = pool[Math.floor(Math.random() * pool.length)]!;
        const roomId = rooms[roomOf(user)];
        const ack = (result: { ok: boolean; error?: { status: number } }) =>
          void (result.error && refused.set(result.error.status, (refused.get(result.error.status) ?? 0) + 1));
        socket.emit('typing:start', { roomId }, ack);
        socket.emit('message:send', { roomId, clientId: `soak-${++sequence}-x`, text: `soak ${sequence}` }, ack);
        socket.emit('presence:set', { status: sequence % 2 ? 'away' : 'online' }, ack);
        // Counted, not awaited: a read still in flight when the API stops must not end the bench.
        fetch(`${api.base}/api/rooms`, { headers: { authorization: `Bearer ${users[user]!.token}` } })
          .then((r) => r.text())
          .catch(() => restErrors++);
        await sleep(50);
      }
      if (round % 3 === 2) await sample(`mixed round ${round + 1}`);
    }
    closeAll();
    await sleep(15_000);
    await sample('end: disconnected 15 s ago');
    console.table(rows);
    console.log(`acks refused, by status: ${JSON.stringify(Object.fromEntries(refused))}; REST reads failed: ${restErrors}`);
  } finally {
    await api.stop();
  }
}
