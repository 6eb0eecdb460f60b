import type { Preferences } from '@panoramix/contracts';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { densities, languages, themes } from 'virtual:panoramix/contracts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import type { FeatureDefinition } from '../registry.ts';
import { updatePreferences, usePreferences } from '../../api/preferences-store.ts';
import type { PreferencesPatch } from '../../api/preferences-store.ts';
import { TimeZonePicker } from './time-zone-picker.tsx';
import '../shell/messages.ts';

/** Each language is named in itself, so a user lost in the wrong one still finds theirs. */
const languageNames: Record<Preferences['language'], string> = { fr: 'Français', en: 'English' };

/**
 * Every change is saved at once and pushed to the user's other tabs and devices. Below the shell's
 * own settings come the panels features declare (`preferencesPanels`), each loaded after the page.
 */
export default function PreferencesPage({ features }: { features: readonly FeatureDefinition[] }) {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('shell');
  const preferences = usePreferences();
  const save = (patch: PreferencesPatch) => {
    updatePreferences(patch).then(
      () => showToast(ts('preferences.saved')),
      () => showToast(ts('preferences.saveFailed'), 'error'),
    );
  };
  return (
    <section className="page" aria-labelledby="preferences-title">
      <div>
        <h1 id="preferences-title" className="page-title">
          {t('preferences.title')}
        </h1>
        <p className="muted">{ts('preferences.intro')}</p>
      </div>
      <div className="card" style={{ display: 'grid', gap: 'var(--space-5)' }}>
        <ChoiceGroup
          legend={ts('preferences.theme')}
          value={preferences.theme}
          options={themes.map((value) => ({ value, label: ts(`preferences.themes.${value}`) }))}
          onChange={(theme) => save({ theme })}
        />
        <ChoiceGroup
          legend={ts('preferences.language')}
          value={preferences.language}
          options={languages.map((value) => ({ value, label: languageNames[value] }))}
          onChange={(language) => save({ language })}
        />
        <ChoiceGroup
          legend={ts('preferences.density')}
          value={preferences.density}
          options={densities.map((value) => ({ value, label: ts(`preferences.densities.${value}`) }))}
          onChange={(density) => save({ density })}
        />
        <SelectField
          label={ts('preferences.startTab')}
          value={preferences.startTab}
          options={features.map((f) => ({ value: f.id, label: t(f.title) }))}
          onChange={(startTab) => save({ startTab })}
        />
        <TimeZonePicker value={preferences.timeZone} onChange={(timeZone) => save({ timeZone })} />
      </div>
      {features.flatMap((feature) =>
        (feature.preferencesPanels ?? []).map((Panel, i) => (
          <Suspense key={`${feature.id}.${i}`} fallback={null}>
            <Panel />
          </Suspense>
        )),
      )}
    </section>
  );
}
