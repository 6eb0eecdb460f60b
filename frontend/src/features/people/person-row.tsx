import type { PersonRecord } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';

/** One person in the list: who left is greyed and in italics, as in Panorama. */
export function PersonRow({ person, team, onOpen }: { person: PersonRecord; team: string | undefined; onOpen: () => void }) {
  const { t } = useTranslation('people');
  const details = [person.role, team && (person.subteam ? `${team} / ${person.subteam}` : team), person.email].filter(Boolean);
  return (
    <button type="button" className={person.left ? 'person-row person-left' : 'person-row'} onClick={onOpen}>
      <span className="person-name">
        {`${person.name} ${person.lastName}`.trim()}
        {person.aliases.length > 0 && <span className="muted"> ({person.aliases.join(', ')})</span>}
      </span>
      <span className="person-details muted">{details.join(' · ')}</span>
      <span className="person-tags">
        {person.left && <span className="chip">{t('left')}</span>}
        {person.contactOnly && <span className="chip">{t('contactOnly')}</span>}
      </span>
    </button>
  );
}
