import type { Project } from '@panoramix/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { useCurrentUserId } from '../../app/auth/current-user.ts';
import { Button } from '../../ui/button.tsx';
import { Icon } from '../../ui/icon.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useProjectOperations } from './use-projects.ts';

/**
 * Members of a project: the owner adds by username and removes; a member may leave. The API
 * gives member ids only (no user directory for non-admins yet), so others show a short id.
 */
export function ProjectMembers({ project, onLeft }: { project: Project; onLeft: () => void }) {
  const { t } = useTranslation('projects');
  const me = useCurrentUserId();
  const { addMember, removeMember } = useProjectOperations();
  const [username, setUsername] = useState('');
  const isOwner = project.userId === me;

  const add = (event: FormEvent) => {
    event.preventDefault();
    addMember.mutate(
      { id: project.id, username },
      {
        onSuccess: () => {
          setUsername('');
          showToast(t('memberAdded'));
        },
      },
    );
  };
  const remove = (userId: string) =>
    removeMember.mutate(
      { id: project.id, userId },
      { onSuccess: () => userId === me && (showToast(t('left')), onLeft()), onError: (e) => showToast(e.message, 'error') },
    );

  const nameOf = (id: string) => {
    if (id === me) return t('you');
    const person = project.members.find((m) => m.id === id);
    return person ? `${person.displayName} (@${person.username})` : t('member', { id: id.slice(-6) });
  };
  const error = addMember.error instanceof ApiError ? addMember.error : undefined;
  return (
    <section className="project-members" aria-labelledby="members-title">
      <h3 id="members-title">{t('members')}</h3>
      <p className="muted">{t('membersHint')}</p>
      <ul className="member-list">
        {project.memberIds.map((id) => (
          <li key={id}>
            <span>
              {nameOf(id)}
              {id === project.userId && <span className="muted"> · {t('owner')}</span>}
            </span>
            {isOwner && id !== me && (
              <Button variant="ghost" icon aria-label={t('removeMember', { name: nameOf(id) })} onClick={() => remove(id)}>
                <Icon name="close" />
              </Button>
            )}
          </li>
        ))}
      </ul>
      {isOwner ? (
        <form className="member-add" onSubmit={add}>
          <TextField
            label={t('username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={error?.fieldError('username') ?? (error ? error.message : undefined)}
            required
            maxLength={30}
            autoComplete="off"
          />
          <Button type="submit" disabled={addMember.isPending}>
            {t('addMember')}
          </Button>
        </form>
      ) : (
        <Button variant="danger" onClick={() => remove(me)}>
          {t('leave')}
        </Button>
      )}
    </section>
  );
}
