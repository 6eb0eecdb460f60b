// `npm run build -w @panoramix/backend`: bundles the API and the CLI into dist/ for the image.
// Our code and the workspace contracts (TypeScript sources) are bundled; every npm package
// stays external and comes from node_modules at run time, so native modules (argon2's musl
// build), files packages read next to themselves (swagger-ui-dist) and optional requires
// behave exactly as in development.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';

const backend = path.resolve(import.meta.dirname, '..');
const outdir = path.join(backend, 'dist');

const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@panoramix/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli/main.ts' },
  absWorkingDir: backend,
  outdir,
  bundle: true,
  splitting: true, // main and cli share most modules: one copy of each chunk
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [externalPackages],
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(
  `backend bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB of JavaScript in ${path.relative(process.cwd(), outdir) || '.'}`,
);
