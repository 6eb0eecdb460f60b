import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from './i18n/i18n.ts';

// jsdom has no matchMedia; the theme code asks it whether the OS prefers dark.
window.matchMedia ??= (query: string) =>
  ({ matches: false, media: query, addEventListener: () => {}, removeEventListener: () => {} }) as unknown as MediaQueryList;

// jsdom has no modal dialogs (ui/dialog.tsx): opening and closing toggle `open`, which is what
// the tests read; inertness of the page behind is the browser's and is checked by the journeys.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};

// Before any test file is imported: feature modules register their strings when they load.
await initI18n('fr');

afterEach(() => {
  cleanup();
  localStorage.clear();
});
