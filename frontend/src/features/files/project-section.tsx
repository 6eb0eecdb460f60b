import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/link.tsx';
import { PagedDataList } from '../../ui/paged-data-list.tsx';
import type { ProjectSectionProps } from '../../ui/project-sections.ts';
import { FileRow } from './file-row.tsx';
import { useFiles } from './use-files.ts';
import './messages.ts';
import './files.css';

/** The project page's files (kept current by the files' events), newest first; uploads happen in Fichiers. */
export default function ProjectFiles({ projectId }: ProjectSectionProps) {
  // Rendered inside the project page, whose namespace holds the section's texts.
  const { t } = useTranslation('projects');
  const files = useFiles(projectId);
  return (
    <section className="project-section" aria-labelledby="project-files-title">
      <h2 id="project-files-title" className="section-title">
        {t('filesTitle')}
      </h2>
      <PagedDataList
        label={t('filesTitle')}
        list={files}
        empty={t('noFiles')}
        renderItem={(file) => <FileRow file={file} highlighted={false} />}
      />
      <Link to="/files">{t('allFiles')}</Link>
    </section>
  );
}
