import type { routes as contractRoutes, RouteBodyInput, StoredFile } from '@panoramix/contracts';
import { routes } from 'virtual:panoramix/contracts';
import { routeUrl } from '@panoramix/contracts/route-url';
import { ApiError, NetworkError } from './problem.ts';
import { apiBase, clientHeaders } from '../platform/index.ts';
import { currentAccessToken, refreshSession } from './session-token.ts';

/** Runs an authenticated request; a 401 refreshes the session once and replays it, like `call`. */
async function withSession<T extends { status: number }>(request: (token: string | null) => Promise<T>): Promise<T> {
  const first = await request(currentAccessToken());
  if (first.status !== 401) return first;
  const session = await refreshSession();
  return session ? request(session.accessToken) : first;
}

const withToken = (token: string | null): Record<string, string> =>
  token ? { ...clientHeaders, authorization: `Bearer ${token}` } : { ...clientHeaders };

/**
 * fetch with the access token (refreshed once on a 401), for what `call` cannot send: a form, a download.
 * `path` is the API's (`/api/…`), sent to the server the app talks to (platform/index.ts).
 */
export const authorizedFetch = (path: string, init: RequestInit) =>
  withSession((token) => fetch(apiBase() + path, { ...init, headers: withToken(token), credentials: 'same-origin' }));

/**
 * POSTs a form to the API with upload progress (0…1 to `onProgress`): XMLHttpRequest rather than
 * fetch, as only it reports that. Resolves with the answer whatever its status; an abort rejects.
 */
export function postForm(
  path: string,
  form: FormData,
  token: string | null,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiBase() + path);
    for (const [name, value] of Object.entries(withToken(token))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () =>
      resolve(
        new Response(xhr.responseText, {
          status: xhr.status,
          headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
        }),
      );
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Uploads one file (multipart, as the route's contract says); `fields` are the route's text parts. */
export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
  fields: RouteBodyInput<typeof contractRoutes.files.upload> = {},
): Promise<StoredFile> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, value);
  form.append(routes.files.upload.upload.field, file, file.name);
  return withSession((token) => postForm(routes.files.upload.path, form, token, onProgress, signal)).then(async (response) => {
    if (!response.ok) throw await ApiError.from(response);
    return (await response.json()) as StoredFile;
  });
}

/** A file's bytes as a Blob (the download needs the access token, so no plain link can fetch it). */
export async function fetchFileBlob(id: string, signal?: AbortSignal): Promise<Blob> {
  const url = apiBase() + routeUrl(routes.files.content.path, { id });
  const response = await withSession((token) => fetch(url, { headers: withToken(token), signal: signal ?? null }));
  if (!response.ok) throw await ApiError.from(response);
  return response.blob();
}

const extension = (name: string) => /\.[\w-]{1,10}$/.exec(name)?.[0] ?? '';

/** The name a download is saved under: the shown name, keeping the uploaded file's extension if a rename dropped it. */
export function downloadName(file: { name: string; originalName?: string | undefined }): string {
  const kept = extension(file.originalName ?? '');
  return kept && !extension(file.name) ? `${file.name}${kept}` : file.name;
}

/** Saves a file: the browser's downloads, or the save dialog of the desktop app (fetched with the first download). */
export async function downloadFile(file: { id: string; name: string; originalName?: string | undefined }): Promise<void> {
  const [{ saveBlob }, blob] = await Promise.all([import('../platform/powers.ts'), fetchFileBlob(file.id)]);
  await saveBlob(blob, downloadName(file));
}
