import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBinding } from '../../lib/keys.ts';
import { navigate } from '../../lib/location.ts';
import type { CommandDefinition, PaletteItem } from './commands.ts';
import type { PaletteFeature } from './feature-palettes.ts';

/** Every palette entry: one "go to" per tab and preferences, then every registered command. */
export function usePaletteItems(features: readonly PaletteFeature[], extraCommands: readonly CommandDefinition[]): PaletteItem[] {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const destinations = [
      ...features.map((f) => ({ id: f.id, title: t(f.title), path: f.path, icon: f.icon, shortcut: f.shortcut })),
      { id: 'preferences', title: t('preferences.title'), path: '/preferences', icon: 'settings' as const, shortcut: undefined },
    ];
    const navigation: PaletteItem[] = destinations.map((d) => ({
      id: `go.${d.id}`,
      label: t('palette.goTo', { name: d.title }),
      section: 'navigation',
      icon: d.icon,
      hint: d.shortcut && `G ${d.shortcut.toUpperCase()}`,
      keywords: d.title,
      perform: () => navigate(d.path),
    }));
    // A command's key: its own, else the one its feature's cheat sheet lists under the same title.
    const keyOf = (feature: PaletteFeature | undefined, command: CommandDefinition) =>
      command.shortcut ?? feature?.shortcuts?.find((s) => s.title === command.title)?.keys;
    const commands = [
      ...features.flatMap((f) => (f.commands ?? []).map((command) => ({ command, keys: keyOf(f, command) }))),
      ...extraCommands.map((command) => ({ command, keys: keyOf(undefined, command) })),
    ];
    const actions: PaletteItem[] = commands.map(({ command, keys }) => ({
      id: command.id,
      label: t(command.title),
      section: 'actions',
      icon: command.icon,
      hint: keys && formatBinding(keys),
      keywords: (command.keywords ?? []).join(' '),
      perform: () => command.perform({ navigate }),
    }));
    return [...navigation, ...actions];
    // i18n.language: labels must follow a language switch
  }, [features, extraCommands, t, i18n.language]);
}
