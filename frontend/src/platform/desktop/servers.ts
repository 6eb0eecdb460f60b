import { serverStore } from './native.ts';

/**
 * The servers this desktop app knows (not secret: addresses only, in the store plugin's servers.json)
 * and the one it talks to. A session's refresh token is kept per server (session.ts), so switching
 * back to a server finds its sign-in again.
 */
export interface SavedServers {
  servers: string[];
  current: string | null;
}

export async function readServers(): Promise<SavedServers> {
  const store = await serverStore();
  return { servers: (await store.get<string[]>('servers')) ?? [], current: (await store.get<string>('current')) ?? null };
}

/** Remembers `url` (once) and makes it the current server; the caller reloads the app onto it. */
export async function chooseServer(url: string): Promise<void> {
  const store = await serverStore();
  const servers = (await store.get<string[]>('servers')) ?? [];
  if (!servers.includes(url)) await store.set('servers', [...servers, url]);
  await store.set('current', url);
  await store.save();
}

/** Forgets a saved server; forgetting the current one leaves none chosen (the next start asks). */
export async function forgetServer(url: string): Promise<void> {
  const store = await serverStore();
  await store.set(
    'servers',
    ((await store.get<string[]>('servers')) ?? []).filter((s) => s !== url),
  );
  if ((await store.get<string>('current')) === url) await store.set('current', null);
  await store.save();
}
