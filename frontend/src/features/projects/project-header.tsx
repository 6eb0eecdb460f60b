import type { Project } from '@panoramix/contracts';
import { healthFlags } from 'virtual:panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../ui/date-field.tsx';
import { InlineEdit } from '../../ui/inline-edit.tsx';
import { ColorDot } from '../../ui/project-chips.tsx';
import { ColorChoice } from './color-choice.tsx';
import { FavoriteButton } from './favorite-button.tsx';
import { MemberAvatars } from './member-avatars.tsx';
import { useProjectOperations } from './use-projects.ts';

type Patch = Omit<Parameters<ReturnType<typeof useProjectOperations>['update']['mutate']>[0], 'id'>;

/** Name, status, target date, health, favourite and members, each edited where it is shown. */
export function ProjectHeader({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const { update } = useProjectOperations();
  const save = (patch: Patch) => update.mutate({ id: project.id, ...patch });
  const { name } = project;
  return (
    <header className="project-header">
      <h1 id="project-title" className="page-title project-title">
        <ColorDot color={project.colorLabel} />
        <InlineEdit value={name} inputLabel={t('nameLabel')} hint={t('editHint')} onSave={(next) => save({ name: next })} />
      </h1>
      <div className="project-facts">
        <InlineEdit
          value={project.status}
          inputLabel={t('statusLabel')}
          hint={t('editHint')}
          onSave={(next) => save({ status: next })}
        >
          {project.status || <span className="muted">{t('noStatus')}</span>}
        </InlineEdit>
        <DateField
          className="input-compact project-target"
          aria-label={t('targetLabel')}
          placeholder={t('datePlaceholder')}
          value={project.targetDate}
          onChange={(targetDate) => save({ targetDate })}
        />
        <select
          className="select select-compact"
          aria-label={t('healthLabel', { name })}
          value={project.healthFlag ?? ''}
          onChange={(e) => save({ healthFlag: (e.target.value || null) as Project['healthFlag'] })}
        >
          {['', ...healthFlags].map((flag) => (
            <option key={flag} value={flag}>
              {tc(`projects.healthFlags.${(flag || 'none') as 'none'}`)}
            </option>
          ))}
        </select>
        <FavoriteButton project={project} />
        <MemberAvatars project={project} />
      </div>
      <ColorChoice value={project.colorLabel} onChange={(colorLabel) => save({ colorLabel })} />
    </header>
  );
}
