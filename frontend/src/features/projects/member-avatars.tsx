import type { Project } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from '../../app/account/user-avatar.tsx';

/** The members' avatars (their image, else initials) with their role, owner first as memberIds lists them. */
export function MemberAvatars({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  return (
    <ul className="member-avatars" aria-label={t('members')}>
      {project.members.map((person) => {
        const role = person.id === project.userId ? t('owner') : t('memberRoleMember');
        const name = person.displayName || person.username;
        const label = t('memberRole', { name, role });
        return (
          <li key={person.id} title={label} aria-label={label} data-owner={person.id === project.userId}>
            <UserAvatar user={{ id: person.id, displayName: name, avatarFileId: person.avatarFileId ?? null }} />
          </li>
        );
      })}
    </ul>
  );
}
