import type { Situation } from '@panoramix/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../ui/data-list.tsx';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/link.tsx';
import { LoadMore } from '../../ui/load-more.tsx';
import { queryState } from '../../ui/load-state.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { useSituations } from './use-situations.ts';

/**
 * The list side: a search on the title (sent once typing pauses), then my situations, last changed
 * first. j/k move the focus from row to row, so Enter opens the focused one as any link does.
 */
export function SituationList({ current }: { current: string | undefined }) {
  const { t } = useTranslation('situations');
  const format = useFormat();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 200);
    return () => clearTimeout(timer);
  }, [typed]);
  const { query, items, more } = useSituations(q);
  const list = useRef<HTMLDivElement>(null);

  const step = (by: number) => {
    const links = [...(list.current?.querySelectorAll<HTMLAnchorElement>('.situation-item') ?? [])];
    const at = links.findIndex((link) => link === document.activeElement || link.getAttribute('aria-current') === 'page');
    links[at < 0 ? 0 : Math.min(links.length - 1, Math.max(0, at + by))]?.focus();
  };
  useKeyShortcuts({ j: () => step(1), k: () => step(-1) });

  return (
    <div ref={list} className="situation-list">
      <TextField
        type="search"
        label={t('search')}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        hint={t('keysHint')}
      />
      <DataList<Situation>
        items={items}
        {...queryState(query)}
        getKey={(situation) => situation.id}
        label={t('title')}
        empty={q ? t('emptyFiltered') : t('empty')}
        renderItem={(situation) => (
          <Link
            to={`/situations/${situation.id}`}
            className="situation-item"
            aria-current={situation.id === current ? 'page' : undefined}
          >
            <span className="situation-item-title">{situation.title}</span>
            <span className="muted situation-item-meta">{t('updatedAt', { date: format.dateTime(situation.updatedAt) })}</span>
          </Link>
        )}
      />
      <LoadMore more={more} />
    </div>
  );
}
