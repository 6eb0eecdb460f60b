import { useState } from 'react';
import type { ComponentPropsWithRef } from 'react';
import { usePreferences } from '../api/preferences-store.ts';
import { formatDay, fromDateInput, parseDay, toDateInput } from '../lib/date-input.ts';

interface DateFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'value' | 'onChange' | 'type'> {
  /** The instant held (the end of a day), or null for none. */
  value: string | null;
  /** The end of the day typed in the preference zone, or null when the field is emptied. */
  onChange: (value: string | null) => void;
}

/**
 * A day typed as the user's language writes it (`25/12/2026`) and kept in the preference time zone
 * (lib/date-input.ts), instead of the browser's `<input type="date">`, which speaks the device's
 * language and zone (`mm/dd/yyyy` on an English system). Takes effect on Enter or leaving the
 * field; text that is no day is marked invalid and left to correct; Escape puts the day back.
 */
export function DateField({ value, onChange, className, onBlur, onKeyDown, ...input }: DateFieldProps) {
  const { language, timeZone } = usePreferences();
  const zone = timeZone ?? undefined;
  const day = toDateInput(value, zone);
  const shown = formatDay(day, language);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? shown;
  // Parsed only while the user types: the row of every task shows one of these.
  const parsed = draft === null ? day : draft.trim() === '' ? '' : parseDay(draft, language);

  function commit() {
    if (draft === null || parsed === null) return;
    setDraft(null);
    const next = parsed === '' ? null : fromDateInput(parsed, zone);
    if (next !== value && toDateInput(next, zone) !== toDateInput(value, zone)) onChange(next);
  }

  return (
    <input
      {...input}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className={['input', 'date-field', className].filter(Boolean).join(' ')}
      value={text}
      aria-invalid={parsed === null || undefined}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={(event) => {
        commit();
        onBlur?.(event);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape' && draft !== null) {
          event.stopPropagation();
          setDraft(null);
        }
        onKeyDown?.(event);
      }}
    />
  );
}
