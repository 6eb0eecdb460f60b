import type { Team } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { PeopleFilter } from './use-people.ts';

type Flag = 'true' | 'false' | undefined;
const flag = (value: string): Flag => (value === 'true' || value === 'false' ? value : undefined);

/** Search (accent- and case-blind, on the server), team, presence, kind and sort. */
export function PeopleFilters({
  filter,
  typed,
  onType,
  onChange,
  teams,
}: {
  filter: PeopleFilter;
  typed: string;
  onType: (text: string) => void;
  onChange: (next: PeopleFilter) => void;
  teams: readonly Team[];
}) {
  const { t } = useTranslation('people');
  return (
    <div className="card people-filters">
      <TextField
        label={t('search')}
        hint={t('searchHint')}
        type="search"
        value={typed}
        onChange={(e) => onType(e.target.value)}
      />
      <SelectField
        label={t('team')}
        value={filter.teamId ?? ''}
        options={[
          { value: '', label: t('allTeams') },
          { value: 'none', label: t('noTeam') },
          ...teams.map((team) => ({ value: team.id, label: team.name })),
        ]}
        onChange={(value) => onChange({ ...filter, teamId: value || undefined })}
      />
      <SelectField
        label={t('presence')}
        value={filter.left ?? ''}
        options={[
          { value: '', label: t('everyone') },
          { value: 'false', label: t('present') },
          { value: 'true', label: t('gone') },
        ]}
        onChange={(value) => onChange({ ...filter, left: flag(value) })}
      />
      <SelectField
        label={t('kind')}
        value={filter.contactOnly ?? ''}
        options={[
          { value: '', label: t('allKinds') },
          { value: 'false', label: t('staff') },
          { value: 'true', label: t('contacts') },
        ]}
        onChange={(value) => onChange({ ...filter, contactOnly: flag(value) })}
      />
      <SelectField
        label={t('sort')}
        value={filter.sort ?? 'name'}
        options={[
          { value: 'name', label: t('byName') },
          { value: 'arrival', label: t('byArrival') },
        ]}
        onChange={(value) => onChange({ ...filter, sort: value === 'arrival' ? 'arrival' : 'name' })}
      />
    </div>
  );
}
