import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { notFoundHandler } from './errors.ts';
import { appShellPolicy } from './security-headers.ts';

/** Files the web build precompressed (`name.br`, `name.gz`), chosen by Accept-Encoding, brotli first. */
const precompressed = (dir: string, options: { maxAge: string; immutable?: boolean }, shell: (res: ShellHeaders) => void) =>
  expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { index: false, setHeaders: (res, file) => /\.html(\.br|\.gz)?$/.test(file) && shell(res), ...options },
  });

/** What the app shell's responses are given; `/index.html` asked by name is the app shell too. */
interface ShellHeaders {
  setHeader: (name: string, value: string) => void;
}

/**
 * The app shell's headers: revalidated, never served stale from a cache, and its policy, which lists
 * the hash of its inline script. Read from the build at each answer: a rebuild while the API runs
 * (development) changes it, and a policy without it would only block the early requests.
 */
function shellHeaders(distDir: string) {
  const listed = path.join(distDir, CSP_SCRIPT_SOURCES);
  return (res: ShellHeaders) => {
    res.setHeader('Cache-Control', 'no-cache');
    const sources = existsSync(listed) ? readFileSync(listed, 'utf8').split(/\s+/).filter(Boolean) : [];
    res.setHeader('Content-Security-Policy', appShellPolicy(sources));
  };
}

/** The file in which the web build lists its inline script's CSP source (frontend/vite/preload-plugin.ts). */
const CSP_SCRIPT_SOURCES = 'csp-script-src.txt';

/**
 * Serves the built web client from the API's port: content-hashed assets cached for a year
 * (`immutable`), `index.html` revalidated on every visit so a deploy is picked up at once, and every
 * non-API GET falls back to it (client-side routes). The build writes a brotli and a gzip copy of
 * each asset; they are sent as they are with `Content-Encoding` and `Vary: Accept-Encoding`.
 */
export function serveWebClient(app: Express, distDir: string): boolean {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  // A missing asset is a 404 problem, never the app shell: a stale tab must see its chunk is gone
  // (serve-static's own `fallthrough: false` error reached the error handler as a 500).
  const shell = shellHeaders(distDir);
  app.use('/assets', precompressed(path.join(distDir, 'assets'), { immutable: true, maxAge: '365d' }, shell), notFoundHandler);
  app.use(precompressed(distDir, { maxAge: '1h' }, shell));
  app.get(/^(?!\/api\/|\/socket\.io\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    shell(res);
    res.sendFile(indexFile);
  });
  return true;
}
