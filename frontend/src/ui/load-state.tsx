import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';

export interface LoadStateProps<T> {
  /** The loaded data, undefined until the first answer. */
  data: T | undefined;
  loading: boolean;
  error: unknown;
  onRetry?: (() => void) | undefined;
  isEmpty: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** What LoadState and DataList take from a query: whether its first answer is pending, its error, and a retry. */
export const queryState = (query: { isPending: boolean; error: unknown; refetch: () => unknown }) => ({
  loading: query.isPending,
  error: query.error,
  onRetry: () => void query.refetch(),
});

/** Loading, error with retry, empty, or the content: the four states of any loaded view, drawn the same way everywhere. */
export function LoadState<T>({ data, loading, error, onRetry, isEmpty, empty, children }: LoadStateProps<T>) {
  const { t } = useTranslation();
  if (loading && data === undefined) {
    return (
      <div className="list-state" role="status" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t('app.loading')}
      </div>
    );
  }
  if (error && data === undefined) {
    return (
      <div className="list-state list-state-error" role="alert">
        {t('ui.loadError')}
        {onRetry && <Button onClick={onRetry}>{t('ui.retry')}</Button>}
      </div>
    );
  }
  if (data === undefined || isEmpty(data)) return <div className="list-state">{empty ?? t('ui.empty')}</div>;
  return children(data);
}
