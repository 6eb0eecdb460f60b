import type { ReactNode } from 'react';
import { LoadState } from './load-state.tsx';

export interface DataListProps<T> {
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
  return (
    <LoadState data={items} loading={loading} error={error} onRetry={onRetry} empty={empty} isEmpty={(list) => list.length === 0}>
      {(list) => (
        <ul className="list" aria-label={label}>
          {list.map((item) => (
            <li key={getKey(item)}>{renderItem(item)}</li>
          ))}
        </ul>
      )}
    </LoadState>
  );
}
