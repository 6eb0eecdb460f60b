import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aLinksTab } from '../shell/test-features.ts';
import type { CommandDefinition } from './commands.ts';
import { featurePalettes } from './feature-palettes.ts';
import { usePaletteItems } from './use-palette-items.ts';

const showShortcuts: CommandDefinition = {
  id: 'app.shortcuts',
  title: 'commands.showShortcuts',
  shortcut: '?',
  perform: () => undefined,
};

describe('palette entries', () => {
  it('show their keys: G then the tab’s letter, a command’s own key or its feature’s shortcut of the same title', async () => {
    const features = await featurePalettes([aLinksTab]);
    const { result } = renderHook(() => usePaletteItems(features, [showShortcuts]));
    const hints = Object.fromEntries(result.current.map((item) => [item.label, item.hint]));
    expect(hints).toMatchObject({ 'Aller à : Liens': 'G L', 'Nouveau lien': 'C', 'Afficher les raccourcis clavier': '?' });
  });
});
