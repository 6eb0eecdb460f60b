import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.ts';
import { navigate, useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { Icon } from '../../ui/icon.tsx';
import { Page } from '../../ui/page.tsx';
import { SplitPane, SplitPlaceholder } from '../../ui/split-pane.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { routes } from 'virtual:panoramix/contracts';
import { SituationList } from './situation-list.tsx';
import { SituationView } from './situation-view.tsx';
import './messages.ts';
import './situations.css';

/** `/situations/new` (palette, `c`, the button): starts a situation at once and opens it with its title selected. */
function NewSituation() {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice: one situation only
    started.current = true;
    call(routes.situations.create, { body: {} }).then(
      (situation) => navigate(`/situations/${situation.id}?new`, { replace: true }),
      (error: Error) => {
        showToast(error.message, 'error');
        navigate('/situations', { replace: true });
      },
    );
  }, []);
  return null;
}

/** `/situations`, `/situations/new`, `/situations/<id>`: the list beside the open situation. */
export default function SituationsPage() {
  const { t } = useTranslation('situations');
  const { pathname, search } = useLocation();
  const open = pathname.split('/')[2];
  useKeyShortcuts({ c: () => navigate('/situations/new') });

  let pane = <SplitPlaceholder>{t('pick')}</SplitPlaceholder>;
  if (open === 'new') pane = <NewSituation />;
  else if (open) pane = <SituationView key={open} id={open} fresh={new URLSearchParams(search).has('new')} />;

  return (
    <Page
      titleId="situations-title"
      title={t('title')}
      className="situations-page"
      actions={
        <Button variant="primary" onClick={() => navigate('/situations/new')}>
          <Icon name="plus" />
          {t('new')}
        </Button>
      }
    >
      <SplitPane
        list={<SituationList current={open === 'new' ? undefined : open} />}
        listLabel={t('title')}
        open={Boolean(open)}
        back={{ to: '/situations', label: t('back') }}
      >
        {pane}
      </SplitPane>
    </Page>
  );
}
