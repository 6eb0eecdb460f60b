import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';

export const budgetKeys = {
  all: ['budget'] as const,
  lines: (filter: object) => ['budget', 'lines', filter] as const,
  summary: (query: object) => ['budget', 'summary', query] as const,
  imports: ['budget', 'imports'] as const,
  import: (id: string) => ['budget', 'imports', id] as const,
  review: ['budget', 'review'] as const,
};

/**
 * Lines are filtered, sorted and summed on the server, so a change refetches what is open rather
 * than guessing where a row goes; an import or a bulk edit announces many changes at once, and the
 * refetches of one burst are gathered into one, a moment after the last event.
 */
const timers = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>();
function refetchSoon(queryClient: QueryClient) {
  clearTimeout(timers.get(queryClient));
  timers.set(
    queryClient,
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: budgetKeys.all }), 150),
  );
}

/** Live changes from other tabs and devices of the same user. */
export const budgetEvents: EventAppliers = {
  'budgetLine.created': refetchSoon,
  'budgetLine.updated': refetchSoon,
  'budgetLine.deleted': refetchSoon,
  'budgetLines.changed': refetchSoon,
  // An import's progress and report, live in the wizard; the history reads itself again.
  'budgetImport.updated': (queryClient, doc) => {
    queryClient.setQueryData(budgetKeys.import(doc.id), doc);
    void queryClient.invalidateQueries({ queryKey: budgetKeys.imports, exact: true });
  },
  'budgetPair.kept': (queryClient) => void queryClient.invalidateQueries({ queryKey: budgetKeys.review }),
};
