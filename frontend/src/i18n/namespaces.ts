import { i18n } from './i18n.ts';

/**
 * Registers a feature's own strings (an i18next namespace) in every language when the feature's
 * page chunk loads: only tab labels and command titles live in the entry's fr.ts/en.ts, which
 * keeps the initial bundle within budget. Both languages come together: they are small, and a
 * later language switch then needs no fetch.
 */
export function addNamespace<T extends object>(namespace: string, messages: { fr: T; en: T }): void {
  for (const [language, resources] of Object.entries(messages)) {
    if (!i18n.hasResourceBundle(language, namespace)) i18n.addResourceBundle(language, namespace, resources);
  }
}
