import { useState } from 'react';
import { useAutosave } from '../../ui/use-autosave.ts';

/**
 * One text of the page saved as typing pauses (ui/use-autosave.ts): the draft lives only while it
 * differs from what the server holds, so an untouched field shows the latest version at once (an
 * edit from another browser), and a save that fails keeps the draft and waits for the next edit.
 * `valid` keeps a draft the server would refuse (an empty title) from being sent.
 */
export function useAutosavedText(saved: string, save: (text: string) => Promise<unknown>, valid = (_text: string) => true) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const dirty = draft !== null && draft !== saved && valid(draft);

  const flush = () => {
    if (!dirty || saving) return;
    const sent = draft;
    setSaving(true);
    save(sent).then(
      () => {
        setSaving(false);
        setDraft((current) => (current === sent ? null : current));
      },
      (failure: Error) => {
        setSaving(false);
        setError(failure);
      },
    );
  };
  useAutosave({ draft, dirty, paused: saving || error !== null, save: flush });

  return {
    value: draft ?? saved,
    edit: (text: string) => {
      setError(null); // the next pause tries again
      setDraft(text);
    },
    dirty,
    saving,
    error,
    flush,
  };
}
