import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';

interface DataListProps<T> {
  label: string;
  items: readonly T[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry?: () => void;
  empty?: ReactNode;
  getKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
}

/** A list with its three other states (loading, error with retry, empty) drawn the same way everywhere. */
export function DataList<T>({ label, items, loading, error, onRetry, empty, getKey, renderItem }: DataListProps<T>) {
  const { t } = useTranslation();
  if (loading && !items) {
    return (
      <div className="list-state" role="status" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t('app.loading')}
      </div>
    );
  }
  if (error && !items) {
    return (
      <div className="list-state list-state-error" role="alert">
        {t('ui.loadError')}
        {onRetry && <Button onClick={onRetry}>{t('ui.retry')}</Button>}
      </div>
    );
  }
  if (!items || items.length === 0) {
    return <div className="list-state">{empty ?? t('ui.empty')}</div>;
  }
  return (
    <ul className="list" aria-label={label}>
      {items.map((item) => (
        <li key={getKey(item)}>{renderItem(item)}</li>
      ))}
    </ul>
  );
}
