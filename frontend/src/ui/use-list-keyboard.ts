import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';

/**
 * ↑/↓ and Enter for a text field driving a list (combobox + listbox): the focus stays in the
 * field while the active entry moves, wrapping at both ends. The index is clamped on read, so a
 * list that shrinks under it needs no reset. `domId` names the active entry's element, scrolled
 * into view as it moves.
 */
export function useListKeyboard<T>(items: readonly T[], onEnter: (item: T) => void, domId: (item: T) => string) {
  const [active, setActive] = useState(0);
  const current = items[Math.min(active, items.length - 1)];
  const currentId = current === undefined ? undefined : domId(current);

  useEffect(() => {
    // jsdom has no scrollIntoView
    if (currentId) document.getElementById(currentId)?.scrollIntoView?.({ block: 'nearest' });
  }, [currentId]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (move !== 0 && items.length > 0) {
      event.preventDefault();
      setActive((index) => (Math.min(index, items.length - 1) + move + items.length) % items.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current !== undefined) onEnter(current);
    }
  };

  return { current, currentId, onKeyDown, reset: () => setActive(0) };
}
