import { useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';

/**
 * Reordering a list by drag and drop (HTML5) or from the keyboard (Alt+↑ / Alt+↓ from any control
 * of a row). `onMove(from, to)` receives the moved row's index and its index once moved.
 * The row under the pointer tells where the dragged row would land (`data-drop="before|after"`).
 */
export function useSortable(count: number, onMove: (from: number, to: number) => void) {
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const reset = () => {
    setDragged(null);
    setOver(null);
  };

  const rowProps = (index: number) => ({
    draggable: true,
    'data-dragging': dragged === index || undefined,
    'data-drop': dragged !== null && over === index && dragged !== index ? (dragged < index ? 'after' : 'before') : undefined,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', String(index)); // Firefox starts no drag without data
      setDragged(index);
    },
    onDragOver: (event: DragEvent) => {
      if (dragged === null) return; // something else is dragged (a file, text): not ours
      event.preventDefault();
      setOver(index);
    },
    onDrop: (event: DragEvent) => {
      if (dragged === null) return;
      event.preventDefault();
      if (dragged !== index) onMove(dragged, index);
      reset();
    },
    onDragEnd: reset,
    onKeyDown: (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
      if (to < 0 || to >= count) return;
      event.preventDefault();
      // React may re-insert the focused row's node when it reorders, which blurs it: focus it again.
      const focused = document.activeElement as HTMLElement | null;
      onMove(index, to);
      requestAnimationFrame(() => focused?.focus());
    },
  });

  return { rowProps, dragging: dragged !== null };
}
