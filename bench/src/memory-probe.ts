// Preloaded into a benchmarked API process (`--expose-gc --import ./bench/src/memory-probe.ts`):
// answers 'memory' on the IPC channel with process.memoryUsage() taken after a full collection,
// so what is reported is what is still referenced, not garbage waiting for the collector.
process.on('message', (message) => {
  if (message !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  process.send?.(process.memoryUsage());
});
// The channel must not keep the API alive: its shutdown ends the process by emptying the event loop.
process.channel?.unref();
