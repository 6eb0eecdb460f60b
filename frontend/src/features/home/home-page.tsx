import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/session-store.ts';
import { useFormat } from '../../ui/format.ts';

const paletteKeys = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘ K' : 'Ctrl K';

export default function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormat();
  const name = session.phase === 'signed-in' ? session.user.displayName : '';
  return (
    <section className="page" aria-labelledby="home-title">
      <div>
        <h1 id="home-title" className="page-title">
          {t('home.greeting', { name })}
        </h1>
        <p className="muted">{t('home.today', { date: format.longDate(new Date()) })}</p>
      </div>
      <div className="card" style={{ display: 'grid', gap: 'var(--space-2)' }}>
        <p>{t('home.paletteTip', { keys: paletteKeys })}</p>
        <p className="muted">{t('home.shortcutTip')}</p>
      </div>
    </section>
  );
}
