import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scriptHashes } from './preload-plugin.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('scriptHashes', () => {
  it('lists the hash of the exact text of each inline script, and none for a script with a src', () => {
    const inline = 'var e={};export{e as a};';
    const html = `<head><script type="module" crossorigin src="/assets/index.js"></script>
      <script type="module" async>${inline}</script><link rel="modulepreload" href="/assets/x.js"></head>`;
    expect(scriptHashes(html)).toEqual([sha(inline)]);
    expect(scriptHashes('<script src="/a.js"></script>')).toEqual([]);
  });
});
