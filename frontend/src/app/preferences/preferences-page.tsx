import type { Preferences } from '@panoramix/contracts';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { densities, languages, themes } from 'virtual:panoramix/contracts';
import { features } from '../../features/index.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { updatePreferences, usePreferences } from './preferences-store.ts';
import type { PreferencesPatch } from './preferences-store.ts';

// The search engine's status brings its own strings and queries: loaded with this page, after it.
const AiStatusPanel = lazy(() => import('../../features/search/ai-status-panel.tsx'));

/** Each language is named in itself, so a user lost in the wrong one still finds theirs. */
const languageNames: Record<Preferences['language'], string> = { fr: 'Français', en: 'English' };

const deviceTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const timeZones: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Every change is saved at once and pushed to the user's other tabs and devices. */
export default function PreferencesPage() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const save = (patch: PreferencesPatch) => {
    updatePreferences(patch).then(
      () => showToast(t('preferences.saved')),
      () => showToast(t('preferences.saveFailed'), 'error'),
    );
  };
  return (
    <section className="page" aria-labelledby="preferences-title">
      <div>
        <h1 id="preferences-title" className="page-title">
          {t('preferences.title')}
        </h1>
        <p className="muted">{t('preferences.intro')}</p>
      </div>
      <div className="card" style={{ display: 'grid', gap: 'var(--space-5)' }}>
        <ChoiceGroup
          legend={t('preferences.theme')}
          value={preferences.theme}
          options={themes.map((value) => ({ value, label: t(`preferences.themes.${value}`) }))}
          onChange={(theme) => save({ theme })}
        />
        <ChoiceGroup
          legend={t('preferences.language')}
          value={preferences.language}
          options={languages.map((value) => ({ value, label: languageNames[value] }))}
          onChange={(language) => save({ language })}
        />
        <ChoiceGroup
          legend={t('preferences.density')}
          value={preferences.density}
          options={densities.map((value) => ({ value, label: t(`preferences.densities.${value}`) }))}
          onChange={(density) => save({ density })}
        />
        <SelectField
          label={t('preferences.startTab')}
          value={preferences.startTab}
          options={features.map((f) => ({ value: f.id, label: t(f.title) }))}
          onChange={(startTab) => save({ startTab })}
        />
        <SelectField
          label={t('preferences.timeZone')}
          value={preferences.timeZone ?? ''}
          options={[
            { value: '', label: t('preferences.deviceTimeZone', { zone: deviceTimeZone }) },
            ...timeZones.map((zone) => ({ value: zone, label: zone })),
          ]}
          onChange={(zone) => save({ timeZone: zone || null })}
        />
      </div>
      <Suspense fallback={null}>
        <AiStatusPanel />
      </Suspense>
    </section>
  );
}
