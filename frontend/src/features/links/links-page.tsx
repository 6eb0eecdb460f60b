import type { Link } from '@panoramix/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjects } from '../../api/projects.ts';
import { navigate, useLocation } from '../../lib/location.ts';
import { Page } from '../../ui/page.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { LinkForm } from './link-form.tsx';
import { LinkList } from './link-list.tsx';
import { useLinks } from './use-links.ts';
import './links.css';
import './messages.ts';

/** `?project=<id>` shows one project's links (and files new ones there), `?project=none` the unfiled ones. */
export default function LinksPage() {
  const { t } = useTranslation(['links', 'translation']);
  const { search } = useLocation();
  const filter = new URLSearchParams(search).get('project') ?? '';
  const projects = useProjects();
  const inFilter = useCallback((link: Link) => filter === '' || link.projectId === (filter === 'none' ? null : filter), [filter]);
  const links = useLinks(inFilter);
  const choose = (value: string) => navigate(value ? `/links?project=${value}` : '/links', { replace: true });
  // c: the new link's name (the form's first field); bound here, as the project page holds a LinkForm too.
  useKeyShortcuts({ c: () => document.querySelector<HTMLInputElement>('.link-form:not(.link-edit) input')?.focus() });
  return (
    <Page
      titleId="links-title"
      title={t('translation:links.title')}
      actions={
        <SelectField
          label={t('projectFilter')}
          value={filter}
          options={[
            { value: '', label: t('allProjects') },
            { value: 'none', label: t('noProject') },
            ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          onChange={choose}
        />
      }
    >
      <LinkForm projectId={filter && filter !== 'none' ? filter : null} />
      <LinkList links={links} label={t('translation:links.title')} empty={filter ? t('emptyFiltered') : t('empty')} />
    </Page>
  );
}
