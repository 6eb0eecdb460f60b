import type { PagedList } from '../api/paged-list.ts';
import { DataList } from './data-list.tsx';
import type { DataListProps } from './data-list.tsx';
import { LoadMore } from './load-more.tsx';
import { queryState } from './load-state.tsx';

type PagedDataListProps<T extends { id: string }> = Omit<
  DataListProps<T>,
  'items' | 'loading' | 'error' | 'onRetry' | 'getKey'
> & {
  list: PagedList<T>;
};

/** A DataList over a list route read page by page (`usePagedList`), keyed by id, with "Charger plus" at its end. */
export function PagedDataList<T extends { id: string }>({ list: { query, items, more }, ...props }: PagedDataListProps<T>) {
  return (
    <>
      <DataList {...props} items={items} {...queryState(query)} getKey={(item) => item.id} />
      <LoadMore more={more} />
    </>
  );
}
