// Preloaded into a benchmarked API process (`--import ./bench/src/api-probe.ts`) to say where a
// scenario's time goes, from the process itself rather than a guess. On the IPC channel:
// 'probe:start' starts V8's sampling profiler and clears the command tally; 'probe:stop' answers
// with the profile's self time by frame and by area, and every database command the scenario sent
// with its count and summed duration (the driver's command monitoring, switched on by wrapping
// mongoose.connect, which the API calls once at start).
import inspector from 'node:inspector/promises';
import mongoose from 'mongoose';
import type { ConnectOptions } from 'mongoose';

interface Tally {
  count: number;
  ms: number;
}
export interface ProbeReport {
  /** `find tasks` → count and summed duration (ms) of the commands. */
  commands: Record<string, Tally>;
  /** Sampled self time by frame (`function file:line`), ms, highest first. */
  frames: [string, number][];
  /** Sampled self time by area (a package, a backend folder, GC, idle), ms, highest first. */
  areas: [string, number][];
  sampledMs: number;
}

const started = new Map<number, string>();
let commands: Record<string, Tally> = {};

const connect = mongoose.connect.bind(mongoose);
mongoose.connect = (async (uri: string, options?: ConnectOptions) => {
  const connected = await connect(uri, { ...options, monitorCommands: true });
  const client = connected.connection.getClient();
  client.on('commandStarted', (event) => {
    const target = event.command[event.commandName] as unknown;
    started.set(event.requestId, typeof target === 'string' ? `${event.commandName} ${target}` : event.commandName);
  });
  const finished = (event: { requestId: number; duration: number }) => {
    const key = started.get(event.requestId);
    started.delete(event.requestId);
    if (!key) return;
    const tally = (commands[key] ??= { count: 0, ms: 0 });
    tally.count++;
    tally.ms += event.duration;
  };
  client.on('commandSucceeded', finished);
  client.on('commandFailed', finished);
  return connected;
}) as typeof mongoose.connect;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Where a frame's code lives: a package, a folder of the backend, or V8's own bucket. */
function areaOf(frame: ProfileNode['callFrame']) {
  if (!frame.url) return frame.functionName || '(native)'; // (garbage collector), (idle), (program)
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (pkg) return pkg[1]!;
  const own = /\/(backend|packages)\/(?:src\/)?([^/]+(?:\/[^/]+)?)\//.exec(frame.url);
  if (own) return `${own[1]}/${own[2]}`;
  if (frame.url.startsWith('node:')) return 'node internals';
  return frame.url;
}

const top = (totals: Map<string, number>, n: number) => [...totals].sort((a, b) => b[1] - a[1]).slice(0, n) as [string, number][];

function summarize(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): Omit<ProbeReport, 'commands'> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const frames = new Map<string, number>();
  const areas = new Map<string, number>();
  let sampledMs = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    sampledMs += ms;
    const file = frame.url.replace(/^.*\/(node_modules|backend|packages)\//, '$1/');
    const name = `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
    frames.set(name, (frames.get(name) ?? 0) + ms);
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + ms);
  });
  return { frames: top(frames, 15), areas: top(areas, 12), sampledMs };
}

const session = new inspector.Session();
session.connect();
process.on('message', (message) => {
  if (message === 'probe:start') {
    commands = {};
    void session
      .post('Profiler.enable')
      .then(() => session.post('Profiler.start'))
      .then(() => process.send?.('probe:started'));
  }
  if (message === 'probe:stop') {
    void session.post('Profiler.stop').then(({ profile }) => {
      const report: ProbeReport = { commands, ...summarize(profile as never) };
      process.send?.({ probe: report });
    });
  }
});
// The channel must not keep the API alive: its shutdown ends the process by emptying the event loop.
process.channel?.unref();
