import { useEffect, useRef } from 'react';

/** How long typing must pause before a draft is saved: one request per pause, not per keystroke. */
export const AUTOSAVE_DELAY_MS = 1200;

interface Autosave {
  /** What is typed and not saved yet; a new value restarts the pause. */
  draft: unknown;
  dirty: boolean;
  /** A save is running or just failed: wait for it, or for the next edit. */
  paused: boolean;
  save: () => void;
}

/**
 * Saves a dirty draft once typing pauses, and at once when the view goes away (another note
 * opened, tab switched), so nothing typed is lost; while a draft is unsaved, closing or reloading
 * the page asks first.
 */
export function useAutosave({ draft, dirty, paused, save }: Autosave) {
  const latest = useRef({ dirty, save });
  latest.current = { dirty, save };

  useEffect(() => {
    if (!dirty || paused) return;
    const timer = setTimeout(() => latest.current.save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, dirty, paused]);

  useEffect(
    () => () => {
      if (latest.current.dirty) latest.current.save();
    },
    [],
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
