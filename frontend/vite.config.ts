import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';
import { contractsPlugin, isRouteGroup, routeGroupsRead } from './vite/contracts-plugin.ts';
import { facadePlugin } from './vite/facade-plugin.ts';
import { preloadPlugin } from './vite/preload-plugin.ts';

const api = 'http://localhost:3002';

/**
 * What a signed-in start loads before its first screen: the data layer, every feature's live cache
 * (its event appliers and replica) and Accueil, the default start tab. One chunk, prefetched by
 * index.html (vite/preload-plugin.ts): split as rolldown left it, some forty files came five
 * import levels deep, a round trip each (bench/src/lighthouse.bench.ts).
 */
const signedInStart = (id: string) =>
  /[\\/]src[\\/]api[\\/](data-provider\.tsx|live\.ts|replica[\\/]replica\.ts)$/.test(id) ||
  /[\\/]src[\\/]features[\\/][\w-]+[\\/]([\w-]+[\\/])*[\w-]+-(replica|cache|events)\.ts$/.test(id) ||
  /[\\/]src[\\/]features[\\/]dashboard[\\/]dashboard-page\.tsx$/.test(id);

/** The palette's own code and every feature's commands and keys (features/<feature>/palette.ts). */
const paletteModules =
  /[\\/]src[\\/](app[\\/]palette[\\/]|app[\\/]shell[\\/](shell-palette\.tsx|app-commands\.ts)$|features[\\/][\w-]+[\\/]palette\.ts$)/;

/** src/api/early-start.ts and the route groups it reads: a chunk index.html runs at once, importing nothing. */
const earlyStartFile = fileURLToPath(new URL('./src/api/early-start.ts', import.meta.url));
const earlyStartModules = new Set([earlyStartFile, ...routeGroupsRead(readFileSync(earlyStartFile, 'utf8'), earlyStartFile)]);
const earlyStart = (id: string) => earlyStartModules.has(id);

export default defineConfig({
  plugins: [
    react(),
    contractsPlugin(),
    facadePlugin(),
    preloadPlugin({ signedIn: signedInStart, earlyStart }),
    // A brotli (.br) and a gzip (.gz) copy of each text asset, at the highest levels once per build:
    // the API (backend/src/http/web.ts) and nginx (gzip_static) send them instead of compressing
    // on every request. The build's manifest is read by scripts only and stays plain.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, exclude: [/\.vite\//] }),
  ],
  resolve: {
    alias: [
      {
        find: /^use-sync-external-store\/shim$/,
        replacement: fileURLToPath(new URL('./src/lib/use-sync-external-store-shim.ts', import.meta.url)),
      },
    ],
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true },
    },
  },
  build: {
    target: 'es2022',
    // check-size.mjs reads the manifest to know which chunks the login and the shell load.
    manifest: true,
    // No preload lists for lazy chunks: each tab's list of dependency file names (and the helper
    // reading them) sat in the initial bundle, about 2 KB gzip with four tabs, growing with every
    // tab. A tab's chunk now fetches its imports when it runs: one extra round trip, once per tab.
    modulePreload: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every screen needs, in one long-cached chunk: left alone, rolldown scatters
          // these libraries into several small chunks that compress worse.
          groups: [
            { name: 'early-start', priority: 4, test: earlyStart },
            {
              name: 'vendor',
              priority: 3,
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next)[\\/]/,
            },
            // The rest of what the first paint imports (login, shell, client, stores, icons), in one
            // chunk instead of some twenty: gzip shares one dictionary across them, 2–3 KB less.
            { name: 'shell', priority: 2, tags: ['$initial'], test: (id) => !/index\.html|main\.tsx/.test(id) },
            // With what those import and the first two leave (TanStack Query, the socket, the design system),
            // and the tabs' route groups: left alone, a group used by two tabs would be a chunk of its own.
            { name: 'signed-in', priority: 1, test: (id) => signedInStart(id) || isRouteGroup(id) },
            // The palette with every feature's commands and keys (features/*/palette.ts): one chunk,
            // fetched once the shell is up, instead of one per feature when the palette first opens.
            { name: 'shell-palette', priority: 1, test: paletteModules },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    // After-hooks in the order they were declared: the setup file's cleanup unmounts a test's page
    // before the file's own afterEach resets its API mock or the address, so nothing a page does as
    // it goes away (a flushed draft, a request for the new address) lands in the next test.
    sequence: { hooks: 'list' },
    include: ['src/**/*.test.{ts,tsx}', 'vite/**/*.test.ts'],
    restoreMocks: true,
  },
});
