import { useSyncExternalStore } from 'react';

const subscribe = (listener: () => void) => {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
};

/** Whether this tab is on screen: messages are only read (and marked read) while it is. */
export const useVisible = () => useSyncExternalStore(subscribe, () => document.visibilityState === 'visible');
