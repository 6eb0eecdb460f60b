import { useRef, useState } from 'react';

/**
 * The picked rows of a list: one at a time, or a range with Shift (from the row picked last to
 * this one, in the order shown, as in a mail client). Rows gone from the list (completed under a
 * filter, deleted elsewhere) leave the selection.
 */
export function useSelection(items: readonly { id: string }[]) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const order = useRef(items);
  order.current = items;
  const selected = items.filter((item) => picked.has(item.id)).map((item) => item.id);

  function select(id: string, on: boolean, range: boolean) {
    const ids = order.current.map((item) => item.id);
    const from = anchor.current === null ? -1 : ids.indexOf(anchor.current);
    const to = ids.indexOf(id);
    const span = range && from >= 0 && to >= 0 ? ids.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
    anchor.current = id;
    setPicked((current) => {
      const next = new Set(current);
      for (const each of span) {
        if (on) next.add(each);
        else next.delete(each);
      }
      return next;
    });
  }

  const selectAll = (on: boolean) => setPicked(new Set(on ? order.current.map((item) => item.id) : []));
  return { picked, selected, select, selectAll };
}
