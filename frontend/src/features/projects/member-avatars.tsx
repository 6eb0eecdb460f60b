import type { Project } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');

/** The members as initials avatars with their role (owner first, as memberIds lists them). */
export function MemberAvatars({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  return (
    <ul className="member-avatars" aria-label={t('members')}>
      {project.members.map((person) => {
        const role = person.id === project.userId ? t('owner') : t('memberRoleMember');
        const label = t('memberRole', { name: person.displayName || person.username, role });
        return (
          <li key={person.id} className="avatar" title={label} aria-label={label} data-owner={person.id === project.userId}>
            <span aria-hidden="true">{initials(person.displayName || person.username)}</span>
          </li>
        );
      })}
    </ul>
  );
}
