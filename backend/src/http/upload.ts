import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { RouteContract } from '@panoramix/contracts';
import type { Request, Response } from 'express';
import multer from 'multer';
import { HttpError, badRequest, problemTypes } from './problem.ts';

export type UploadedFile = Express.Multer.File;
type UploadSpec = NonNullable<RouteContract['upload']>;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

function translate(error: unknown, spec: UploadSpec): unknown {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') {
      return new HttpError(
        413,
        problemTypes.payloadTooLarge,
        'Upload too large',
        `Uploads are limited to ${megabytes(spec.maxBytes)}.`,
      );
    }
    const field = error.field ?? spec.field;
    return badRequest(`body.${field}: ${error.message}`, [{ path: `body.${field}`, message: error.message }]);
  }
  // The parser's own complaints (a truncated form, no boundary) are the client's; disk errors are ours.
  if (error instanceof Error && !('code' in error && String(error.code).startsWith('E'))) {
    return badRequest(`Malformed multipart body: ${error.message}`);
  }
  return error;
}

/**
 * Receives the one file of an upload route, streamed to `uploadsDir/<userId>/<random>.partial`
 * (same volume as its final place, so keeping it is a rename). Whatever goes wrong — over the
 * size limit, a broken form — leaves no partial file behind.
 */
export function createUploadReceiver(uploadsDir: string) {
  return async function receive(req: Request, res: Response, spec: UploadSpec, userId: string): Promise<UploadedFile> {
    if (!req.is('multipart/form-data')) {
      throw new HttpError(
        415,
        problemTypes.unsupportedMediaType,
        'Unsupported media type',
        'Send the file as multipart/form-data',
      );
    }
    const folder = path.join(uploadsDir, userId);
    await mkdir(folder, { recursive: true });
    const partial = path.join(folder, `${randomBytes(12).toString('hex')}.partial`);
    const middleware = multer({
      storage: multer.diskStorage({ destination: folder, filename: (_req, _file, cb) => cb(null, path.basename(partial)) }),
      limits: { fileSize: spec.maxBytes, files: 1, fields: 20, fieldSize: 4096, parts: 21 },
      defParamCharset: 'utf8', // browsers send UTF-8 file names, not latin1
    }).single(spec.field);
    try {
      await new Promise<void>((resolve, reject) =>
        middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      await rm(partial, { force: true });
      throw translate(error, spec);
    }
    if (!req.file)
      throw badRequest(`body.${spec.field}: a file is required`, [{ path: `body.${spec.field}`, message: 'a file is required' }]);
    return req.file;
  };
}

export type UploadReceiver = ReturnType<typeof createUploadReceiver>;
