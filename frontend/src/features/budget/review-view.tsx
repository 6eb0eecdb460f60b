import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryState, LoadState } from '../../ui/load-state.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { ReviewPairCard } from './review-pair.tsx';
import { useReview, useReviewOperations } from './review-queries.ts';
import type { ReviewPair } from './review-queries.ts';
import './import-wizard.css';

type Action = 'keepBoth' | 'merge' | 'ignore';

/**
 * Vérifier: the possible duplicates side by side. j/k move between pairs; d keeps both, f merges,
 * i ignores, s swaps which line stays.
 */
export default function ReviewView() {
  const { t } = useTranslation('budget');
  const review = useReview();
  const operations = useReviewOperations();
  const pairs = review.data ?? [];
  const [current, setCurrent] = useState(0);
  const [swapped, setSwapped] = useState<ReadonlySet<string>>(new Set());
  const index = Math.min(current, Math.max(pairs.length - 1, 0));
  const pending = operations.keepBoth.isPending || operations.merge.isPending || operations.ignore.isPending;

  useEffect(() => {
    document.querySelector('.review-pair[aria-current="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [index]);

  const sides = (pair: ReviewPair) =>
    swapped.has(pair.key) ? { keep: pair.other, remove: pair.line } : { keep: pair.line, remove: pair.other };
  const act = (action: Action, pair: ReviewPair | undefined) => {
    if (!pair || pending) return;
    operations[action].mutate(sides(pair));
  };
  const swap = (pair: ReviewPair | undefined) => {
    if (!pair) return;
    const next = new Set(swapped);
    if (!next.delete(pair.key)) next.add(pair.key);
    setSwapped(next);
  };
  useKeyShortcuts({
    j: () => setCurrent(Math.min(index + 1, pairs.length - 1)),
    k: () => setCurrent(Math.max(index - 1, 0)),
    d: () => act('keepBoth', pairs[index]),
    f: () => act('merge', pairs[index]),
    i: () => act('ignore', pairs[index]),
    s: () => swap(pairs[index]),
  });

  return (
    <section className="budget-review" aria-labelledby="budget-review-title">
      <h2 id="budget-review-title" className="budget-section-title">
        {t('review.title')}
      </h2>
      <p className="muted">{t('review.hint')}</p>
      <LoadState
        data={review.data}
        {...queryState(review)}
        isEmpty={(data) => data.length === 0}
        empty={<p className="list-state">{t('review.empty')}</p>}
      >
        {(data) => (
          <ol className="review-pairs" aria-label={t('review.pairs', { count: data.length })}>
            {data.map((pair, at) => (
              <ReviewPairCard
                key={pair.key}
                pair={pair}
                current={at === index}
                keepId={sides(pair).keep.id}
                pending={pending}
                onFocus={() => setCurrent(at)}
                onKeep={(id) => id !== sides(pair).keep.id && swap(pair)}
                onAction={(action) => act(action, pair)}
              />
            ))}
          </ol>
        )}
      </LoadState>
    </section>
  );
}
