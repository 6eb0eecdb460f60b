import type { PersonRecord } from '@panoramix/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { queryState } from '../../ui/load-state.tsx';
import { Page } from '../../ui/page.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { ImportDialog } from './import-dialog.tsx';
import { OrgChart } from './org-chart.tsx';
import { PeopleFilters } from './people-filters.tsx';
import { PersonDialog } from './person-dialog.tsx';
import { PersonRow } from './person-row.tsx';
import { TeamsDialog } from './teams-dialog.tsx';
import { downloadCsv, usePeople, useTeams } from './use-people.ts';
import type { PeopleFilter } from './use-people.ts';
import './messages.ts';
import './people.css';

type Dialog = 'new' | 'import' | 'teams';
const dialogs: readonly Dialog[] = ['new', 'import', 'teams'];

/**
 * Personnes: the filtered list or the org chart. The address says what is open, so the palette,
 * the search and a mention can link to it: `?open=<id>` a person, `?new`, `?import`, `?teams`,
 * `?view=org`.
 */
export default function PeoplePage() {
  const { t } = useTranslation('people');
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const view = params.get('view') === 'org' ? 'org' : 'list';
  const openId = params.get('open');
  const dialog = dialogs.find((name) => params.has(name));
  const go = (next: { view?: string; open?: string; dialog?: Dialog }) => {
    const query = new URLSearchParams();
    if ((next.view ?? view) === 'org') query.set('view', 'org');
    if (next.open) query.set('open', next.open);
    if (next.dialog) query.set(next.dialog, '');
    const text = query.toString().replace(/=(?=&|$)/g, '');
    navigate(text ? `/people?${text}` : '/people');
  };
  const close = () => go({});

  const [filter, setFilter] = useState<PeopleFilter>({ sort: 'name' });
  const [typed, setTyped] = useState('');
  useEffect(() => {
    // One request when typing pauses, not one per key.
    const timer = setTimeout(() => setFilter((f) => ({ ...f, q: typed.trim() || undefined })), 200);
    return () => clearTimeout(timer);
  }, [typed]);
  const people = usePeople(filter);
  const teams = useTeams();
  const teamNames = new Map((teams.data?.items ?? []).map((team) => [team.id, team.name]));
  const items = people.data?.pages.flatMap((page) => page.items);
  const filtered = Boolean(filter.q || filter.teamId || filter.left || filter.contactOnly);

  useKeyShortcuts({ c: () => go({ dialog: 'new' }) });

  const exportCsv = () =>
    downloadCsv(filter).then(
      () => showToast(t('exported')),
      (error: Error) => showToast(error.message, 'error'),
    );

  return (
    <Page
      titleId="people-title"
      title={t('title')}
      actions={
        <div className="people-actions">
          <ChoiceGroup
            legend={t('view')}
            value={view}
            options={[
              { value: 'list', label: t('list') },
              { value: 'org', label: t('orgChart') },
            ]}
            onChange={(next) => go({ view: next })}
          />
          <Button onClick={() => go({ dialog: 'teams' })}>{t('teams')}</Button>
          <Button onClick={() => go({ dialog: 'import' })}>{t('import')}</Button>
          <Button variant="primary" onClick={() => go({ dialog: 'new' })}>
            {t('new')}
          </Button>
        </div>
      }
    >
      {view === 'org' ? (
        <div className="card org-card">
          <OrgChart onOpen={(id) => go({ open: id })} />
        </div>
      ) : (
        <>
          <PeopleFilters filter={filter} typed={typed} onType={setTyped} onChange={setFilter} teams={teams.data?.items ?? []} />
          <div className="people-summary">
            <span className="muted" role="status">
              {items ? t(people.hasNextPage ? 'countMore' : 'count', { count: items.length }) : ''}
            </span>
            <Button variant="ghost" onClick={() => void exportCsv()}>
              {t('exportCsv')}
            </Button>
          </div>
          <DataList<PersonRecord>
            items={items}
            {...queryState(people)}
            getKey={(person) => person.id}
            label={t('title')}
            empty={filtered ? t('emptyFiltered') : t('empty')}
            renderItem={(person) => (
              <PersonRow
                person={person}
                team={person.teamId ? teamNames.get(person.teamId) : undefined}
                onOpen={() => go({ open: person.id })}
              />
            )}
          />
          {people.hasNextPage && (
            <Button onClick={() => void people.fetchNextPage()} disabled={people.isFetchingNextPage}>
              {t('more')}
            </Button>
          )}
        </>
      )}
      {openId && <PersonDialog id={openId} onClose={close} />}
      {dialog === 'new' && <PersonDialog id={null} onClose={close} />}
      {dialog === 'import' && <ImportDialog onClose={close} />}
      {dialog === 'teams' && <TeamsDialog onClose={close} />}
    </Page>
  );
}
