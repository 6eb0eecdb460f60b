import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import type { KeyBinding } from '../../lib/keys.ts';
import type { IconName } from '../../ui/icon.tsx';

export interface CommandContext {
  navigate: (to: string) => void;
}

/**
 * A user command, described once: the palette (and any menu) reads it. Features add their own
 * ("New link"); the shell adds app-wide ones (theme, preferences, sign out).
 */
export interface CommandDefinition {
  id: string;
  title: ParseKeys;
  icon?: IconName;
  /** Extra words the fuzzy search should match (not shown). */
  keywords?: readonly string[];
  /** The key that runs it too, shown beside it (the feature's `shortcuts` entry of the same title also counts). */
  shortcut?: KeyBinding;
  perform: (context: CommandContext) => void;
}

/** A command ready for display: title already translated. */
export interface PaletteItem {
  id: string;
  label: string;
  section: 'navigation' | 'actions' | 'content';
  icon?: IconName | undefined;
  hint?: string | undefined;
  /** A second line under the label (a content hit's snippet). */
  detail?: ReactNode;
  keywords: string;
  perform: () => void;
}
