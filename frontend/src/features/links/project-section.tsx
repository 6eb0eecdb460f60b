import type { Link } from '@panoramix/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../ui/data-list.tsx';
import { queryState } from '../../ui/load-state.tsx';
import type { ProjectSectionProps } from '../../ui/project-sections.ts';
import { LinkForm } from './link-form.tsx';
import { LinkRow } from './link-row.tsx';
import { useLinks } from './use-links.ts';
import './links.css';

/** The project page's links, shared with its members, and a form that files new ones there. */
export default function ProjectLinks({ projectId }: ProjectSectionProps) {
  // Rendered inside the project page, whose namespace holds the section's texts.
  const { t } = useTranslation('projects');
  const links = useLinks(useCallback((link: Link) => link.projectId === projectId, [projectId]));
  return (
    <section className="project-section" aria-labelledby="project-links-title">
      <h2 id="project-links-title" className="section-title">
        {t('linksTitle')}
      </h2>
      <LinkForm projectId={projectId} />
      <DataList
        label={t('linksTitle')}
        items={links.data}
        {...queryState(links)}
        empty={t('noLinks')}
        getKey={(link) => link.id}
        renderItem={(link) => <LinkRow link={link} showProject={false} />}
      />
    </section>
  );
}
