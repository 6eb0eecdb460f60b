import { useLayoutEffect, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { rankForMove } from '../lib/rank.ts';

interface Ranked {
  id: string;
  rank: string;
}

/**
 * Reordering a ranked list by drag and drop (HTML5) or from the keyboard (Alt+↑ / Alt+↓ from any
 * control of a row); `onMove(item, rank)` receives the rank that puts the item between its new
 * neighbours. Moves are computed on the latest order, including moves not rendered yet, so quick
 * repeated Alt+↑ presses each move one step further. `data-drop="before|after"` marks the row
 * under the pointer.
 */
export function useSortable<T extends Ranked>(items: readonly T[], onMove: (item: T, rank: string) => void) {
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const rendered = useRef(items);
  const latest = useRef(items);
  if (rendered.current !== items) {
    rendered.current = items;
    latest.current = items;
  }
  // React may re-insert the focused row's node when it reorders, which blurs it: the control that
  // had the focus gets it back in the same frame, before the next key press (for a second only:
  // later renders must not steal the focus from wherever the user went).
  const refocus = useRef<{ element: HTMLElement; until: number } | null>(null);
  useLayoutEffect(() => {
    const target = refocus.current;
    if (target && Date.now() < target.until && document.activeElement !== target.element) target.element.focus();
  });
  const indexOf = (id: string | null) => latest.current.findIndex((item) => item.id === id);
  const reset = () => {
    setDragged(null);
    setOver(null);
  };

  const move = (from: number, to: number) => {
    const list = latest.current;
    const item = list[from];
    if (!item || to < 0 || to >= list.length || to === from) return;
    const rank = rankForMove(list, from, to);
    const next = list.filter((_, index) => index !== from);
    next.splice(to, 0, { ...item, rank });
    latest.current = next;
    onMove(item, rank);
  };

  const rowProps = (id: string) => ({
    draggable: true,
    'data-dragging': dragged === id || undefined,
    'data-drop':
      dragged !== null && over === id && dragged !== id ? (indexOf(dragged) < indexOf(id) ? 'after' : 'before') : undefined,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', id); // Firefox starts no drag without data
      setDragged(id);
    },
    onDragOver: (event: DragEvent) => {
      if (dragged === null) return; // something else is dragged (a file, text): not ours
      event.preventDefault();
      setOver(id);
    },
    onDrop: (event: DragEvent) => {
      if (dragged === null) return;
      event.preventDefault();
      move(indexOf(dragged), indexOf(id));
      reset();
    },
    onDragEnd: reset,
    onKeyDown: (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      event.preventDefault();
      if (document.activeElement instanceof HTMLElement)
        refocus.current = { element: document.activeElement, until: Date.now() + 1000 };
      const from = indexOf(id);
      move(from, event.key === 'ArrowUp' ? from - 1 : from + 1);
    },
  });

  return { rowProps };
}
