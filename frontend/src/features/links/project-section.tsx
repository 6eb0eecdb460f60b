import type { Link } from '@panoramix/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSectionProps } from '../../ui/project-sections.ts';
import { LinkForm } from './link-form.tsx';
import { LinkList } from './link-list.tsx';
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
      <LinkList links={links} label={t('linksTitle')} empty={t('noLinks')} showProject={false} />
    </section>
  );
}
