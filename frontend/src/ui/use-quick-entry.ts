import { useState } from 'react';
import type { FormEvent } from 'react';

/**
 * A field for typing items one after another (tasks, session lines): submitting clears it at once,
 * so the next item can be typed while the first is saved; a failed item comes back into the field
 * (unless something new was typed meanwhile) with its error.
 */
export function useQuickEntry(send: (text: string) => Promise<unknown>) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.trim();
    if (!text) return;
    setValue('');
    setError(undefined);
    send(text).catch((failure: Error) => {
      setValue((current) => current || text);
      setError(failure.message);
    });
  };
  return { value, setValue, error, submit };
}
