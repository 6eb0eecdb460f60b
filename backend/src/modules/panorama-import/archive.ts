import { createReadStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ArchiveError, parseFrame } from '../export/framing.ts';
import type { Frame } from '../export/framing.ts';

/**
 * The archive's frames one at a time, from gunzip through lines: only the current chunk and line
 * are in memory whatever the file's size. A gzip or read error surfaces from the iteration.
 */
export async function* readFrames(file: string): AsyncGenerator<Frame & { line: number }> {
  if (!existsSync(file)) throw new ArchiveError(`${file}: no such file`);
  const stream = pipeline(createReadStream(file), createGunzip(), () => {});
  stream.setEncoding('utf8');
  let rest = '';
  let line = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const text of parts) {
      line++;
      if (text.trim() !== '') yield { ...parseFrame(text, line), line };
    }
  }
  line++;
  if (rest.trim() !== '') yield { ...parseFrame(rest, line), line };
}
