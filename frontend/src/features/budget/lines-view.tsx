import type { BudgetLine } from '@panoramix/contracts';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../api/preferences-store.ts';
import { useProjectIndex } from '../../api/projects.ts';
import { navigate, useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { LoadMore } from '../../ui/load-more.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { BulkBar } from './bulk-bar.tsx';
import { download, linesCsv } from './csv.ts';
import { LineFilters } from './line-filters.tsx';
import { LineForm } from './line-form.tsx';
import { LineRow } from './line-row.tsx';
import type { RowActions } from './line-row.tsx';
import { filterOfSearch, isFiltered, searchOfFilter } from './lines-filter.ts';
import type { LinesFilter } from './lines-filter.ts';
import { allLines, useLineOperations, useLines } from './use-budget.ts';
import './messages.ts';

const csvColumns = [
  'date',
  'vendor',
  'label',
  'amount',
  'vat',
  'currency',
  'category',
  'department',
  'team',
  'project',
  'invoiceNumber',
  'notes',
] as const;

/**
 * Lignes: the filtered lines (the filter lives in the address, so a link or a reload shows the
 * same list), edited in place, a selection edited in bulk; `?new` opens "Nouvelle dépense".
 * Keys: j/k move the active line, x selects it, e edits its vendor, c adds a line.
 */
export default function LinesView() {
  const { t } = useTranslation('budget');
  const { language } = usePreferences();
  const { search } = useLocation();
  const filter = useMemo(() => filterOfSearch(search), [search]);
  const creating = new URLSearchParams(search).has('new');
  const go = (next: LinesFilter, extra = '') => {
    const query = searchOfFilter(next);
    navigate(`/budget${query}${extra && (query ? `&${extra}` : `?${extra}`)}`, { replace: !extra });
  };
  const { query, items, more } = useLines(filter);
  const lines = useMemo(() => items ?? [], [items]);
  const operations = useLineOperations();
  // The picked lines still listed (a line deleted or filtered out leaves the selection).
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const selected = lines.filter((line) => picked.has(line.id)).map((line) => line.id);
  const pick = (id: string, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const pickAll = (on: boolean) => setPicked(new Set(on ? lines.map((line) => line.id) : []));
  const projects = useProjectIndex();
  const [activeId, setActiveId] = useState<string | null>(null);
  const table = useRef<HTMLTableSectionElement>(null);

  const ops = useRef(operations);
  ops.current = operations;
  const actions = useMemo<RowActions>(
    () => ({
      language,
      patch: (line, patch) => ops.current.update.mutate({ id: line.id, patch }),
      remove: (line) => ops.current.remove.mutate(line),
      select: (line, on) => pick(line.id, on),
      activate: (line) => setActiveId(line.id),
    }),
    [language],
  );

  const activeIndex = lines.findIndex((line) => line.id === activeId);
  const active = activeIndex >= 0 ? lines[activeIndex] : undefined;
  const rowOf = (id: string) => table.current?.querySelector<HTMLElement>(`[data-line-id="${id}"]`);
  const step = (by: number) => {
    const next = lines[Math.min(lines.length - 1, Math.max(0, activeIndex + by))];
    if (!next) return;
    setActiveId(next.id);
    rowOf(next.id)?.scrollIntoView?.({ block: 'nearest' });
  };
  useKeyShortcuts({
    j: () => step(1),
    k: () => step(-1),
    x: () => active && pick(active.id, !picked.has(active.id)),
    e: () => active && rowOf(active.id)?.querySelector<HTMLButtonElement>('.budget-vendor .inline-text')?.click(),
    c: () => go(filter, 'new'),
  });

  const exportCsv = () =>
    allLines(filter).then(
      (all) => {
        const headers = csvColumns.map((column) => t(column));
        const projectName = (id: string) => projects.get(id)?.name ?? id;
        void download(linesCsv(all, language, { headers, projectName }), 'budget.csv');
        showToast(t('exported', { count: all.length }));
      },
      (error: Error) => showToast(error.message, 'error'),
    );

  return (
    <div className="budget-lines">
      <LineFilters filter={filter} language={language} onChange={(next) => go(next)} />
      <div className="budget-toolbar">
        <span className="muted" role="status">
          {items ? t(more.available ? 'countMore' : 'count', { count: lines.length }) : ''}
        </span>
        <Button variant="ghost" onClick={() => void exportCsv()} disabled={lines.length === 0}>
          {t('exportCsv')}
        </Button>
        <Button variant="primary" onClick={() => go(filter, 'new')}>
          {t('newLine')}
        </Button>
      </div>
      <BulkBar selected={selected} onDone={() => pickAll(false)} />
      <LoadState
        data={items}
        {...queryState(query)}
        isEmpty={(loaded) => loaded.length === 0}
        empty={isFiltered(filter) ? t('emptyFiltered') : t('empty')}
      >
        {(loaded: BudgetLine[]) => (
          <table className="budget-table">
            <caption className="visually-hidden">{t('lines')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    className="row-check"
                    aria-label={t('selectAll')}
                    checked={selected.length === loaded.length}
                    onChange={(event) => pickAll(event.target.checked)}
                  />
                </th>
                {(['date', 'vendor', 'label', 'category', 'team', 'amount'] as const).map((column) => (
                  <th key={column} scope="col" className={`budget-${column}`}>
                    {t(column)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody ref={table}>
              {loaded.map((line) => (
                <LineRow
                  key={line.id}
                  line={line}
                  selected={picked.has(line.id)}
                  active={line.id === activeId}
                  actions={actions}
                />
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
      <LoadMore more={more} />
      {creating && <LineForm language={language} onClose={() => go(filter)} />}
    </div>
  );
}
