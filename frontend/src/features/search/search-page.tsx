import type { SearchHit, SearchKind } from '@panoramix/contracts';
import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchKinds } from 'virtual:panoramix/contracts';
import { currentLocation, navigate } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { Icon } from '../../ui/icon.tsx';
import { Page } from '../../ui/page.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { useListKeyboard } from '../../ui/use-list-keyboard.ts';
import { useProjects } from '../../api/projects.ts';
import { displayOrder, groupHits } from './group-hits.ts';
import { optionId, SearchResults } from './search-results.tsx';
import { useSearch } from './use-search.ts';
import './messages.ts';
import './search.css';

interface Filters {
  q: string;
  kind: SearchKind | '';
  projectId: string;
}

/** The query and filters live in the address (`?q=…&kind=note&project=…`): Back from an opened item finds them again. */
const readFilters = (search: string): Filters => {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    kind: (params.get('kind') as SearchKind | null) ?? '',
    projectId: params.get('project') ?? '',
  };
};

function writeFilters({ q, kind, projectId }: Filters) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (kind) params.set('kind', kind);
  if (projectId) params.set('project', projectId);
  const query = params.toString();
  navigate(query ? `/search?${query}` : '/search', { replace: true });
}

export default function SearchPage() {
  const { t } = useTranslation('search');
  const listId = useId();
  const [filters, setFilters] = useState(() => readFilters(currentLocation().search));
  const projects = useProjects();
  const search = useSearch({ q: filters.q, kinds: filters.kind ? [filters.kind] : undefined, projectId: filters.projectId });
  const groups = useMemo(() => groupHits(search.results?.items ?? []), [search.results]);
  const hits = useMemo(() => displayOrder(groups), [groups]);
  const open = (hit: SearchHit) => navigate(hit.target);
  const keyboard = useListKeyboard(hits, open, (hit) => optionId(listId, hit));

  const change = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    writeFilters(next);
    keyboard.reset();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && filters.q) {
      event.preventDefault();
      change({ q: '' });
    } else keyboard.onKeyDown(event);
  };

  const hasQuery = filters.q.trim() !== '';
  return (
    <Page titleId="search-title" title={t('title')} className="search-page">
      <div className="search-bar">
        <Icon name="search" />
        <input
          autoFocus
          className="search-input"
          type="search"
          role="combobox"
          aria-label={t('label')}
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={keyboard.currentId}
          aria-describedby={`${listId}-keys`}
          placeholder={t('placeholder')}
          value={filters.q}
          onChange={(event) => change({ q: event.target.value })}
          onKeyDown={onKeyDown}
        />
        {search.status === 'loading' && <span className="spinner" role="status" aria-label={t('searching')} />}
      </div>
      <div className="search-filters">
        <SelectField
          label={t('kind')}
          value={filters.kind}
          options={[
            { value: '', label: t('allKinds') },
            ...searchKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
          ]}
          onChange={(kind) => change({ kind: kind as Filters['kind'] })}
        />
        <SelectField
          label={t('project')}
          value={filters.projectId}
          options={[
            { value: '', label: t('allProjects') },
            ...(projects.data?.items ?? []).map((project) => ({ value: project.id, label: project.name })),
          ]}
          onChange={(projectId) => change({ projectId })}
        />
      </div>
      <p id={`${listId}-keys`} className="search-status muted" aria-live="polite">
        {!hasQuery ? t('idle') : search.results ? t('count', { count: search.results.items.length }) : t('searching')}
        {' · '}
        {t('keys')}
      </p>
      {search.results?.semantic === false && hasQuery && (
        <p className="search-notice" role="note">
          {t('keywordOnly')}
        </p>
      )}
      {search.status === 'error' && (
        <div className="list-state list-state-error" role="alert">
          {t('failed')}
          <Button onClick={search.retry}>{t('ui.retry', { ns: 'translation' })}</Button>
        </div>
      )}
      {hasQuery && search.status === 'success' && hits.length === 0 && (
        <div className="list-state">{t('none', { query: filters.q.trim() })}</div>
      )}
      {hasQuery && hits.length > 0 && <SearchResults id={listId} groups={groups} active={keyboard.current} onOpen={open} />}
    </Page>
  );
}
