import { useEffect, useRef } from 'react';
import { isTyping, matchesBinding } from '../lib/keys.ts';
import type { KeyBinding } from '../lib/keys.ts';

/**
 * Linear-style single keys for the screen that calls this (`c` create, `e` edit, `x` select…),
 * active while it is mounted. Single keys are ignored while the user types in a field or a dialog
 * is open; `Mod+` bindings (`Mod+Enter` save) fire while typing too. Declare the same bindings in
 * the feature's `shortcuts` registry slot so the `?` cheat sheet lists them.
 */
export function useKeyShortcuts(bindings: Readonly<Record<KeyBinding, () => void>>, enabled = true): void {
  const latest = useRef(bindings);
  latest.current = bindings;

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      for (const [binding, run] of Object.entries(latest.current)) {
        if (!matchesBinding(event, binding)) continue;
        const single = !binding.startsWith('Mod+');
        if (single && (isTyping(event.target) || document.querySelector('dialog[open], [role="dialog"]'))) return;
        event.preventDefault();
        run();
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
