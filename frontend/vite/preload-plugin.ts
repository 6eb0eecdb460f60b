import { createHash } from 'node:crypto';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The part of an output chunk read here. */
interface Chunk {
  type: 'chunk';
  fileName: string;
  code: string;
  imports: string[];
  moduleIds: string[];
  facadeModuleId: string | null;
  viteMetadata?: { importedCss: Set<string> };
}

const isChunk = <T extends { type: string }>(output: T): output is T & Chunk => output.type === 'chunk';

/**
 * Flattens the first load's waterfall with link tags in index.html, not a byte of JS (the initial
 * budget is 100 KB and the build's own module preloading put every lazy chunk's dependency list
 * in it, see vite.config.ts):
 * - `modulepreload` for the entry's static imports (runtime, vendor, shell), fetched beside the
 *   entry instead of once it has been parsed;
 * - `prefetch` for the chunks holding or re-exporting a module `signedIn` picks, and every chunk
 *   and stylesheet they import: what a signed-in start loads next. At the lowest priority, into the HTTP cache, while the session is
 *   refreshed; without it each level of imports cost one more round trip (five levels, about
 *   600 ms each on Lighthouse's slow 4G: bench/src/lighthouse.bench.ts);
 * - the chunk of `earlyStart`'s modules (src/api/early-start.ts) inline, as an `async` module
 *   script: it sends the start's first requests as the HTML is parsed, a round trip before any file
 *   could (about 0.6 s on Lighthouse's phone); it must import nothing, or it would wait. The app's
 *   own import of the chunk shares its state (early-start.ts). Its hash, which the Content-Security-
 *   Policy of the API and of nginx must list, is written to `csp-script-src.txt` beside index.html.
 */
export function preloadPlugin({ signedIn, earlyStart }: Record<'signedIn' | 'earlyStart', (id: string) => boolean>): Plugin {
  let base = '/';
  return {
    name: 'panoramix-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle['index.html'];
        if (!html || html.type !== 'asset') return;
        this.emitFile({ type: 'asset', fileName: CSP_FILE, source: scriptHashes(String(html.source)).join(' ') });
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }): HtmlTagDescriptor[] {
        if (!bundle || !entry) return [];
        const chunks = Object.values(bundle).filter(isChunk);
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const closure = (file: string, seen = new Set<string>()) => {
          if (seen.has(file)) return seen;
          seen.add(file);
          for (const imported of byFile.get(file)?.imports ?? []) closure(imported, seen);
          return seen;
        };
        const initial = closure(entry.fileName);
        const later = new Set<string>();
        // A lazy module merged into a group chunk keeps a small chunk of its own re-exporting it.
        const starts = chunks.filter(
          (chunk) => chunk.moduleIds.some(signedIn) || (chunk.facadeModuleId && signedIn(chunk.facadeModuleId)),
        );
        if (starts.length === 0) throw new Error('preload plugin: no chunk is built from the modules to prefetch (renamed?)');
        for (const start of starts) {
          for (const file of closure(start.fileName)) {
            if (initial.has(file)) continue;
            later.add(file);
            for (const css of byFile.get(file)?.viteMetadata?.importedCss ?? []) later.add(css);
          }
        }
        const early = chunks.filter((chunk) => chunk.moduleIds.some(earlyStart));
        if (early.length !== 1 || early[0]!.imports.length > 0) {
          throw new Error(
            `preload plugin: the early start must be one chunk importing nothing, not ${early.map((c) => `${c.fileName} → ${c.imports.join(', ')}`).join('; ') || 'none'}`,
          );
        }
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({ tag: 'link', attrs, injectTo: 'head' });
        const code = early[0]!.code.trim();
        if (/<\/script|<!--/i.test(code))
          throw new Error('preload plugin: the early start cannot be inlined (it holds </script or <!--)');
        return [
          // After the entry, which src/lib/chunk-recovery.ts reads to name a build (the first module script with a src).
          { tag: 'script', attrs: { type: 'module', async: true }, children: code, injectTo: 'head' },
          ...[...initial]
            .filter((file) => file !== entry.fileName)
            .map((file) => link({ rel: 'modulepreload', crossorigin: true, href: base + file })),
          ...[...later].map((file) =>
            link({ rel: 'prefetch', href: base + file, ...(file.endsWith('.css') ? { as: 'style' } : {}) }),
          ),
        ];
      },
    },
  };
}

/** Where the build lists the script sources its index.html needs beyond 'self' (read by the API and nginx/render.sh). */
export const CSP_FILE = 'csp-script-src.txt';

/** The CSP source of each inline script of `html`: `'sha256-…'` of its exact text. */
export function scriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    ([, text]) => `'sha256-${createHash('sha256').update(text!).digest('base64')}'`,
  );
}
