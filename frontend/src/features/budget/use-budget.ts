import type { BudgetLine, budgetSummaryGroups, RouteBodyInput, routes as contractRoutes } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.ts';
import { usePagedList } from '../../api/paged-list.ts';
import { showToast } from '../../ui/toast.tsx';
import { budgetKeys } from './budget-cache.ts';
import type { LinesFilter } from './lines-filter.ts';

export type NewLine = RouteBodyInput<typeof contractRoutes.budgetLines.create>;
export type LinePatch = RouteBodyInput<typeof contractRoutes.budgetLines.update>;
export type BulkSet = RouteBodyInput<typeof contractRoutes.budgetLines.bulkEdit>['set'];
/** The groupings the Synthèse view draws (month × vendor is for the API's other readers). */
export type SummaryGroup = Exclude<(typeof budgetSummaryGroups)[number], 'month-vendor'>;

const PAGE = 100;

/** The filtered lines, a page at a time (the route's cursor). */
export const useLines = (filter: LinesFilter) =>
  usePagedList<BudgetLine>(budgetKeys.lines(filter), (cursor, signal) =>
    call(routes.budgetLines.list, { query: { ...filter, limit: PAGE, cursor }, signal }),
  );

/** Every line of the filter, read page after page at the largest size the route allows (for the CSV). */
export async function allLines(filter: LinesFilter): Promise<BudgetLine[]> {
  const lines: BudgetLine[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(routes.budgetLines.list, { query: { ...filter, limit: 200, cursor } });
    lines.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return lines;
}

export const useSummary = (by: SummaryGroup, range: { from?: string; to?: string }) =>
  useQuery({
    queryKey: budgetKeys.summary({ by, ...range }),
    queryFn: ({ signal }) => call(routes.budgetSummary.summary, { query: { by, ...range }, signal }),
  });

/** The writes of the Lignes view; each refetches what is open once it is done (the server filters and sorts). */
export function useLineOperations() {
  const { t } = useTranslation('budget');
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
  const failed = (error: Error) => showToast(error.message, 'error');
  const restore = useMutation({
    mutationFn: (id: string) => call(routes.budgetLines.restore, { params: { id } }),
    onSuccess: refresh,
    onError: failed,
  });
  return {
    create: useMutation({ mutationFn: (body: NewLine) => call(routes.budgetLines.create, { body }), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: LinePatch }) =>
        call(routes.budgetLines.update, { params: { id }, body: patch }),
      onSuccess: refresh,
      onError: failed,
    }),
    bulk: useMutation({
      mutationFn: ({ ids, set }: { ids: string[]; set: BulkSet }) => call(routes.budgetLines.bulkEdit, { body: { ids, set } }),
      onSuccess: ({ count }) => {
        refresh();
        showToast(t('bulkDone', { count }));
      },
      onError: failed,
    }),
    /** The DELETE runs at once (other tabs agree at once); "Annuler" restores the line, kept 30 days. */
    remove: useMutation({
      mutationFn: (line: BudgetLine) => call(routes.budgetLines.remove, { params: { id: line.id }, query: {} }),
      onSuccess: (_, line) => {
        refresh();
        showToast(t('deleted', { vendor: line.vendor }), 'info', {
          label: common('ui.undo'),
          run: () => restore.mutate(line.id),
        });
      },
      onError: failed,
    }),
  };
}
