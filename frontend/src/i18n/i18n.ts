import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Preferences } from '@panoramix/contracts';
import { fr } from './fr.ts';

type Language = Preferences['language'];

/** French ships in the initial bundle; other languages are fetched when chosen. */
const loaders: Record<Exclude<Language, 'fr'>, () => Promise<unknown>> = {
  en: () => import('./en.ts').then((m) => m.en),
};

export const i18n = i18next.createInstance();

export function initI18n(language: Language): Promise<unknown> {
  void i18n.use(initReactI18next).init({
    resources: { fr: { translation: fr } },
    lng: 'fr',
    fallbackLng: 'fr',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return setLanguage(language);
}

export async function setLanguage(language: Language): Promise<void> {
  if (language !== 'fr' && !i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await loaders[language]());
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
