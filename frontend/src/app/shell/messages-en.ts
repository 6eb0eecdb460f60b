import type { ShellMessages } from './messages-fr.ts';

export const en: ShellMessages = {
  shortcuts: {
    title: 'Keyboard shortcuts',
    intro: 'Single keys do nothing while you type in a field.',
    general: 'Everywhere',
    palette: 'Open or close the command palette',
    cheatSheet: 'Show these shortcuts',
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
