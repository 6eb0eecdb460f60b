import { use, useMemo } from 'react';
import { CommandPalette } from '../palette/command-palette.tsx';
import { featurePalettes } from '../palette/feature-palettes.ts';
import { usePaletteItems } from '../palette/use-palette-items.ts';
import type { FeatureDefinition } from '../registry.ts';
import { appCommands } from './app-commands.ts';

interface ShellPaletteProps {
  features: readonly FeatureDefinition[];
  onToggleSidebar: () => void;
  onOpenCheatSheet: () => void;
  onClose: () => void;
}

/**
 * The shell's palette: a "go to" per tab, the features' commands and the shell's own, listed here
 * rather than by the shell so that none of it sits in the first load (the palette's chunk is
 * fetched as soon as the shell is up).
 */
export function ShellPalette({ features, onToggleSidebar, onOpenCheatSheet, onClose }: ShellPaletteProps) {
  const commands = useMemo(() => appCommands(onToggleSidebar, onOpenCheatSheet), [onToggleSidebar, onOpenCheatSheet]);
  const items = usePaletteItems(use(featurePalettes(features)), commands);
  return <CommandPalette items={items} features={features} onClose={onClose} />;
}
