import type { BudgetLine, RouteResponse, routes as contractRoutes } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.ts';
import { showToast } from '../../ui/toast.tsx';
import { budgetKeys } from './budget-cache.ts';

type MatchKind = RouteResponse<typeof contractRoutes.budgetLines.review>['items'][number]['duplicates']['matchKind'];
/** One possible duplicate: two lines side by side. `keep` stays on *Fusionner*, `other` goes. */
export interface ReviewPair {
  key: string;
  line: BudgetLine;
  other: BudgetLine;
  matchKind: MatchKind;
}

/** The Vérifier list, one entry per pair (a line matching several others gives several pairs). */
export const useReview = () =>
  useQuery({
    queryKey: budgetKeys.review,
    queryFn: ({ signal }) => call(routes.budgetLines.review, { signal }),
    select: (review): ReviewPair[] =>
      review.items.flatMap((item) =>
        item.duplicates.candidates.map((other) => ({
          key: `${item.line.id}|${other.id}`,
          line: item.line,
          other,
          matchKind: item.duplicates.matchKind,
        })),
      ),
  });

/** The three actions; merge and ignore can be taken back from their toast. */
export function useReviewOperations() {
  const { t } = useTranslation('budget');
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
  const failed = (error: Error) => showToast(error.message, 'error');
  const undoMerge = useMutation({
    mutationFn: (id: string) => call(routes.budgetLines.undoMerge, { params: { id } }),
    onSuccess: refresh,
    onError: failed,
  });
  const restore = useMutation({
    mutationFn: (id: string) => call(routes.budgetLines.restore, { params: { id } }),
    onSuccess: refresh,
    onError: failed,
  });
  return {
    keepBoth: useMutation({
      mutationFn: ({ keep, remove }: { keep: BudgetLine; remove: BudgetLine }) =>
        call(routes.budgetLines.keepPair, { body: { lineId: keep.id, otherId: remove.id } }),
      onSuccess: () => {
        refresh();
        showToast(t('review.keptBoth'));
      },
      onError: failed,
    }),
    merge: useMutation({
      mutationFn: ({ keep, remove }: { keep: BudgetLine; remove: BudgetLine }) =>
        call(routes.budgetLines.merge, { body: { keepId: keep.id, removeId: remove.id } }),
      onSuccess: (merged) => {
        refresh();
        showToast(t('review.merged', { vendor: merged.line.vendor }), 'info', {
          label: common('ui.undo'),
          run: () => undoMerge.mutate(merged.id),
        });
      },
      onError: failed,
    }),
    /** The line that would go is deleted and put on the ignore list: later imports skip it. */
    ignore: useMutation({
      mutationFn: ({ remove }: { keep: BudgetLine; remove: BudgetLine }) =>
        call(routes.budgetLines.remove, { params: { id: remove.id }, query: { ignore: 'true' } }),
      onSuccess: (_, { remove }) => {
        refresh();
        showToast(t('review.ignored', { vendor: remove.vendor }), 'info', {
          label: common('ui.undo'),
          run: () => restore.mutate(remove.id),
        });
      },
      onError: failed,
    }),
  };
}
