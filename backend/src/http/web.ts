import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { notFoundHandler } from './errors.ts';

/** Files the web build precompressed (`name.br`, `name.gz`), chosen by Accept-Encoding, brotli first. */
const precompressed = (dir: string, options: { maxAge: string; immutable?: boolean }) =>
  expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { index: false, setHeaders: noCacheForHtml, ...options },
  });

/** `/index.html` asked by name is the app shell too: revalidated, never served stale from a cache. */
function noCacheForHtml(res: { setHeader: (name: string, value: string) => void }, file: string) {
  if (/\.html(\.br|\.gz)?$/.test(file)) res.setHeader('Cache-Control', 'no-cache');
}

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
  app.use('/assets', precompressed(path.join(distDir, 'assets'), { immutable: true, maxAge: '365d' }), notFoundHandler);
  app.use(precompressed(distDir, { maxAge: '1h' }));
  app.get(/^(?!\/api\/|\/socket\.io\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return true;
}
