import { useEffect } from 'react';
import type { FeatureDefinition } from '../registry.ts';
import { isTyping } from '../../lib/keys.ts';
import { navigate } from '../../lib/location.ts';

const SEQUENCE_MS = 1500;

/**
 * Global keys: Ctrl/Cmd+K toggles the palette (even while typing); G then a feature's letter
 * opens that tab, `?` the cheat sheet (both ignored while typing, as in Gmail or GitHub, and
 * while a dialog is open).
 */
export function useShortcuts(
  features: readonly FeatureDefinition[],
  togglePalette: () => void,
  openCheatSheet: () => void,
): void {
  useEffect(() => {
    let awaitingLetterUntil = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        togglePalette();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.defaultPrevented || document.querySelector('dialog[open], [role="dialog"]')) return;
      if (event.key === '?') {
        event.preventDefault();
        openCheatSheet();
        return;
      }
      const key = event.key.toLowerCase();
      if (Date.now() < awaitingLetterUntil) {
        awaitingLetterUntil = 0;
        const feature = features.find((f) => f.shortcut === key);
        if (feature) {
          event.preventDefault();
          navigate(feature.path);
        }
      } else if (key === 'g') {
        awaitingLetterUntil = Date.now() + SEQUENCE_MS;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [features, togglePalette, openCheatSheet]);
}
