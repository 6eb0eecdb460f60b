import path from 'node:path';
import type { Plugin } from 'vite';

/** The part of an output chunk read and changed here. */
interface Chunk {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
}

const isChunk = <T extends { type: string }>(output: T): output is T & Chunk => output.type === 'chunk';

/** A chunk whose whole code is `export{i as taskReplica,…}from"./signed-in-….js";`. */
const reExportOnly = /^export\s*\{([^}]*)\}\s*from\s*(["'`])\.\/([^"'`]+)\2;?\s*$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes the chunks that only re-export a module merged into a group chunk (vite.config.ts puts
 * every feature's live cache into `signed-in`): each lazy `import('./task-replica.ts')` kept a
 * 70-byte file of its own, fetched before the module could run. A signed-in start waited for
 * seventeen of them, six at a time over HTTP/1.1, about 1.5 s on Lighthouse's slow 4G
 * (bench/src/lighthouse.bench.ts). Each such `import()` now loads the group chunk and picks the
 * module's exports from it, as Rollup itself does; hand-written because rolldown keeps these
 * facades for grouped modules (rolldown/rolldown#9729).
 */
export function facadePlugin(): Plugin {
  return {
    name: 'panoramix-facades',
    apply: 'build',
    generateBundle: {
      // Before the HTML, the manifest and the compressed copies are made from the bundle.
      order: 'pre',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter(isChunk);
        const staticallyImported = new Set(chunks.flatMap((chunk) => chunk.imports));
        for (const facade of chunks) {
          const match = reExportOnly.exec(facade.code);
          if (!match || facade.isEntry || staticallyImported.has(facade.fileName)) continue;
          const target = path.posix.join(path.posix.dirname(facade.fileName), match[3]!);
          const picked = match[1]!
            .split(',')
            .map((binding) => binding.trim().split(/\s+as\s+/))
            .map(([local, exported = local]) => `${exported}:m.${local}`)
            .join(',');
          for (const importer of chunks) {
            if (!importer.dynamicImports.includes(facade.fileName)) continue;
            const from = path.posix.dirname(importer.fileName);
            const relative = (file: string) => `./${path.posix.relative(from, file)}`;
            const call = new RegExp(`import\\((["'\`])${escapeRegExp(relative(facade.fileName))}\\1\\)`, 'g');
            importer.code = importer.code.replace(call, `import($1${relative(target)}$1).then(m=>({${picked}}))`);
            importer.dynamicImports = [...new Set(importer.dynamicImports.map((f) => (f === facade.fileName ? target : f)))];
          }
          const name = path.posix.basename(facade.fileName);
          const stillNamed = chunks.find((chunk) => chunk !== facade && chunk.code.includes(name));
          if (stillNamed)
            throw new Error(`facade plugin: ${stillNamed.fileName} still names ${name} after its import() was rewritten`);
          delete bundle[facade.fileName];
        }
      },
    },
  };
}
