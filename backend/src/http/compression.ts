import compression from 'compression';
import type { Request, Response } from 'express';

/**
 * Compresses what the API computes (JSON, problem+json, the app shell): brotli when the client
 * takes it, else gzip, above 1 KB. Event streams are left alone: a compressor holds small writes
 * until its buffer fills, which would hold back each token of an AI answer. Build assets arrive
 * precompressed (web.ts) and carry a Content-Encoding already, which the middleware leaves as is.
 * A streamed JSON answer (res.write in parts) stays streamed: the compressor is a transform and
 * passes each compressed block on as soon as it is full.
 */
export function compressResponses() {
  return compression({
    filter: (req: Request, res: Response) =>
      !String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
  });
}
