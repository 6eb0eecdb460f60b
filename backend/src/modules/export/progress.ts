/** Counts per collection as an export or import runs; the CLI shows them, tests ignore them. */
export interface Progress {
  /** Called often; a terminal reporter throttles. */
  count(collection: string, documents: number): void;
  done(collection: string, documents: number): void;
  note(message: string): void;
}

export const silentProgress: Progress = { count: () => {}, done: () => {}, note: () => {} };

/**
 * On a terminal, one line rewritten in place at most every 200 ms (a long run shows it is
 * moving); in a log file (cron), one line per collection.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let last = 0;
  const clear = () => stream.isTTY && stream.write('\r\x1b[2K');
  return {
    count(collection, documents) {
      if (!stream.isTTY || Date.now() - last < 200) return;
      last = Date.now();
      clear();
      stream.write(`${collection}: ${documents.toLocaleString('en')} documents…`);
    },
    done(collection, documents) {
      clear();
      stream.write(`${collection}: ${documents.toLocaleString('en')} documents\n`);
    },
    note(message) {
      clear();
      stream.write(`${message}\n`);
    },
  };
}
