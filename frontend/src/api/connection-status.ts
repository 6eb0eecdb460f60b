import { createStore, useStore } from '../lib/store.ts';

/** Whether the live socket is connected; the shell shows an "offline" badge otherwise. */
export const connectionStore = createStore<'connecting' | 'online' | 'offline'>('connecting');
export const useConnectionStatus = () => useStore(connectionStore);
