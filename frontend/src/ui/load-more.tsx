import { useTranslation } from 'react-i18next';
import type { MoreState } from '../api/paged-list.ts';
import { Button } from './button.tsx';

/** The end of a paged list: a button for the next page while there is one, its failure with a retry. */
export function LoadMore({ more }: { more: MoreState }) {
  const { t } = useTranslation();
  if (!more.available) return null;
  return (
    <div className="load-more">
      {more.failed && (
        <span role="alert" className="load-more-error">
          {t('ui.loadError')}
        </span>
      )}
      <Button onClick={more.load} disabled={more.loading} aria-busy={more.loading}>
        {more.loading ? t('app.loading') : t(more.failed ? 'ui.retry' : 'ui.loadMore')}
      </Button>
    </div>
  );
}
