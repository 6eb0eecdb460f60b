import type { Link } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { useFormat } from '../../ui/format.ts';
import { Icon } from '../../ui/icon.tsx';
import { Page } from '../../ui/page.tsx';
import { showToast } from '../../ui/toast.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { queryState } from '../../ui/load-state.tsx';
import { LinkForm } from './link-form.tsx';
import { useLinkOperations, useLinks } from './use-links.ts';
import './links.css';

function LinkRow({ link }: { link: Link }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { remove, click } = useLinkOperations();
  const onDelete = () => remove.mutate(link.id, { onSuccess: () => showToast(t('links.deleted')) });
  return (
    <div className="link-row">
      <div className="link-main">
        <a href={link.url} target="_blank" rel="noopener noreferrer" onClick={() => click.mutate(link.id)}>
          {link.name}
        </a>
        <span className="link-url">{link.url}</span>
      </div>
      <span className="link-meta muted">
        {t('links.clicks', { count: link.clicksCount })} · {t('links.addedOn', { date: format.date(link.createdAt) })}
      </span>
      <Button variant="ghost" icon aria-label={t('links.deleteLabel', { name: link.name })} onClick={onDelete}>
        <Icon name="trash" />
      </Button>
    </div>
  );
}

export default function LinksPage() {
  const { t } = useTranslation();
  const links = useLinks();
  return (
    <Page titleId="links-title" title={t('links.title')}>
      <LinkForm />
      <DataList
        items={links.data}
        {...queryState(links)}
        getKey={(link) => link.id}
        label={t('links.title')}
        empty={t('links.empty')}
        renderItem={(link) => <LinkRow link={link} />}
      />
    </Page>
  );
}
