import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contractsPlugin } from './vite/contracts-plugin.ts';

const api = 'http://localhost:3002';

export default defineConfig({
  plugins: [react(), contractsPlugin()],
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
          groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next)[\\/]/ }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
