import { useState } from 'react';
import type { MoreState } from '../api/paged-list.ts';

/**
 * A long list held locally (the replica), shown a page at a time: rendering thousands of rows at
 * once took seconds (measured by bench/src/web.bench.ts), a page of them a frame. `view` names what
 * the list shows (its filter): another view starts again at one page. `more` feeds ui/load-more.tsx.
 */
export function useLocalPages<T>(items: readonly T[] | undefined, view: string, pageSize: number) {
  const [shownOf, setShownOf] = useState({ view, count: pageSize });
  const count = shownOf.view === view ? shownOf.count : pageSize;
  const more: MoreState = {
    available: (items?.length ?? 0) > count,
    load: () => setShownOf({ view, count: count + pageSize }),
    loading: false,
    failed: false,
  };
  return { shown: items?.slice(0, count), more };
}
