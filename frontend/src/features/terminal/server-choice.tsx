import { useTranslation } from 'react-i18next';
import { ServerForm } from './server-form.tsx';

/** The desktop app's first screen when no server is chosen yet (desktop-start.tsx shows it). */
export function ServerChoice({ onChosen }: { onChosen: (url: string) => void }) {
  const { t } = useTranslation('terminal');
  return (
    <main className="center-screen server-choice">
      <section className="card" aria-labelledby="server-choice-title">
        <h1 id="server-choice-title">{t('chooseTitle')}</h1>
        <p className="muted">{t('chooseIntro')}</p>
        <ServerForm submitLabel={t('connect')} onChecked={onChosen} />
      </section>
    </main>
  );
}
