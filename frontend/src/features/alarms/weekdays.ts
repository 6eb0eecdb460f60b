const locales = { fr: 'fr-FR', en: 'en-GB' } as const;

/** The days of the week from Monday, with the contracts' numbers (0 = Sunday), named by Intl in the language. */
export function weekdayNames(language: keyof typeof locales) {
  const format = new Intl.DateTimeFormat(locales[language], { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6, 0].map((day) => ({ day, name: format.format(new Date(Date.UTC(2024, 0, day === 0 ? 7 : day))) }));
}
