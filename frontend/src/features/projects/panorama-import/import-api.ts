import type { PanoramaImport } from '@panoramix/contracts';
import { routeUrl } from '@panoramix/contracts/route-url';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../../api/client.ts';
import { authorizedFetch, postForm } from '../../../api/files.ts';
import { ApiError } from '../../../api/problem.ts';
import { currentAccessToken } from '../../../api/session-token.ts';

export interface StartChoices {
  archive: File;
  username: string;
  keepSecrets: readonly string[];
  mapUsers: string;
}

/**
 * Sends the archive (multipart, the route's part name) with upload progress (0…1), once: an archive
 * can weigh gigabytes, so a 401 is not replayed as `uploadFile` does; an expired session shows as
 * the refusal it is.
 */
export function startImport(choices: StartChoices, onProgress: (fraction: number) => void): Promise<PanoramaImport> {
  const route = routes.panoramaImport.start;
  const form = new FormData();
  form.append('username', choices.username);
  form.append('keepSecrets', choices.keepSecrets.join(','));
  form.append('mapUsers', choices.mapUsers);
  form.append(route.upload.field, choices.archive, choices.archive.name);
  return postForm(route.path, form, currentAccessToken(), onProgress).then(answer);
}

async function answer(response: Response): Promise<PanoramaImport> {
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as PanoramaImport;
}

export const readImport = (id: string) => call(routes.panoramaImport.get, { params: { id } });

/** One file of the chosen folder, sent by its name (Panorama's `storedFileName`). */
export async function sendFile(id: string, file: File): Promise<PanoramaImport> {
  const form = new FormData();
  form.append(routes.panoramaImport.addFile.upload.field, file, file.name);
  return answer(await authorizedFetch(routeUrl(routes.panoramaImport.addFile.path, { id }), { method: 'POST', body: form }));
}
