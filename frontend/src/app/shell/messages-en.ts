import type { ShellMessages } from './messages-fr.ts';

export const en: ShellMessages = {
  shortcuts: {
    title: 'Keyboard shortcuts',
    intro: 'Single keys do nothing while you type in a field.',
    general: 'Everywhere',
    palette: 'Open or close the command palette',
    cheatSheet: 'Show these shortcuts',
  },
  preferences: {
    intro: 'Stored on the server: they follow you on every device.',
    theme: 'Theme',
    themes: { system: 'System', light: 'Light', dark: 'Dark' },
    language: 'Language',
    density: 'Density',
    densities: { comfortable: 'Comfortable', compact: 'Compact' },
    startTab: 'Start tab',
    saved: 'Preferences saved.',
    saveFailed: 'Could not save the preferences.',
  },
  timeZones: {
    search: 'Find a zone: city, region…',
    none: 'No zone matches “{{query}}”.',
    regions: {
      Europe: 'Europe',
      Africa: 'Africa',
      America: 'Americas',
      Asia: 'Asia',
      Atlantic: 'Atlantic',
      Indian: 'Indian Ocean',
      Pacific: 'Pacific',
      Australia: 'Australia',
      Antarctica: 'Antarctica',
      Arctic: 'Arctic',
      other: 'Other (UTC…)',
    },
  },
};
