import type { routes as contractRoutes, RouteBodyInput, StoredFile } from '@panoramix/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { routes } from 'virtual:panoramix/contracts';
import { uploadFile } from './files.ts';
import { ApiError } from './problem.ts';

/** A file on its way to the server: uploading (progress 0…1), uploaded (fileId) or failed (error). */
export interface Upload {
  key: string;
  name: string;
  size: number;
  progress: number;
  fileId?: string;
  error?: string;
}

const MAX_BYTES = routes.files.upload.upload.maxBytes;

interface UploadOptions {
  /** The upload's text parts (a project), read when each file starts. */
  fields?: () => RouteBodyInput<typeof contractRoutes.files.upload>;
  onUploaded?: (file: StoredFile) => void;
  /** The user's wording for a refusal (413, 415…); the server's problem text otherwise. */
  refused?: (name: string, error: ApiError) => string | undefined;
}

/**
 * Files on their way to the server (the chat composer's attachments, the Fichiers tab): each
 * chosen, dropped or pasted file starts uploading at once, so a message only passes ids.
 * Removing one aborts its upload; `clear` forgets them (a sent message's files).
 */
export function useUploads(tooLarge: (name: string) => string, options: UploadOptions = {}) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const controllers = useRef(new Map<string, AbortController>());
  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const add = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) {
        const key = crypto.randomUUID();
        const upload: Upload = { key, name: file.name, size: file.size, progress: 0 };
        if (file.size > MAX_BYTES) {
          setUploads((all) => [...all, { ...upload, error: tooLarge(file.name) }]);
          continue;
        }
        const controller = new AbortController();
        controllers.current.set(key, controller);
        setUploads((all) => [...all, upload]);
        uploadFile(file, (progress) => patch(key, { progress }), controller.signal, latest.current.fields?.()).then(
          (stored) => {
            patch(key, { fileId: stored.id, progress: 1 });
            latest.current.onUploaded?.(stored);
          },
          (error: Error) =>
            error.name !== 'AbortError' &&
            patch(key, { error: (error instanceof ApiError && latest.current.refused?.(file.name, error)) || error.message }),
        );
      }
    },
    [tooLarge],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setUploads((all) => all.filter((u) => u.key !== key));
  }, []);

  const clear = useCallback(() => {
    controllers.current.clear();
    setUploads([]);
  }, []);

  useEffect(() => () => controllers.current.forEach((c) => c.abort()), []);

  const fileIds = uploads.flatMap((u) => (u.fileId ? [u.fileId] : []));
  const ready = uploads.every((u) => u.fileId || u.error);
  return { uploads, add, remove, clear, fileIds, ready };
}
