import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

interface InlineEditProps {
  value: string;
  /** Accessible name of the input while editing. */
  inputLabel: string;
  /** Shown on hover of the text, e.g. "Enter to save, Esc to cancel". */
  hint?: string;
  onSave: (next: string) => void;
  children?: ReactNode;
}

/**
 * Text that becomes an input on click or Enter: Enter (or leaving the field) saves, Esc cancels,
 * and focus returns to the text so the keyboard flow goes on. Empty or unchanged text saves nothing.
 */
export function InlineEdit({ value, inputLabel, hint, onSave, children }: InlineEditProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const editing = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const text = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (draft !== null && !editing.current) {
      editing.current = true;
      input.current?.select();
    }
  }, [draft]);

  const finish = (save: boolean) => {
    if (!editing.current || draft === null) return; // Enter then blur: save once
    editing.current = false;
    const next = draft.trim();
    setDraft(null);
    if (save && next && next !== value) onSave(next);
    requestAnimationFrame(() => text.current?.focus());
  };

  if (draft !== null) {
    return (
      <input
        ref={input}
        className="input inline-input"
        aria-label={inputLabel}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            finish(true);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            finish(false);
          }
        }}
      />
    );
  }
  return (
    <button ref={text} type="button" className="link-button inline-text" title={hint} onClick={() => setDraft(value)}>
      {children ?? value}
    </button>
  );
}
