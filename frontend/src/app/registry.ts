import type { ParseKeys } from 'i18next';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { EventAppliers } from '../api/event-appliers.ts';
import type { ReplicaDeclaration } from '../api/replica/declaration.ts';
import type { KeyBinding } from '../lib/keys.ts';
import type { LazyScreen } from '../lib/lazy-screen.ts';
import type { Store } from '../lib/store.ts';
import type { DashboardSection } from '../ui/dashboard-sections.ts';
import type { IconName } from '../ui/icon.tsx';
import type { ProjectSection } from '../ui/project-sections.ts';
import type { CommandDefinition, PaletteItem } from './palette/commands.ts';

export type MessageKey = ParseKeys;

/** What a palette section is given: the query typed so far, and where to hand the entries it finds. */
export interface PaletteSectionProps {
  query: string;
  onItems: (items: PaletteItem[]) => void;
}

/** A feature's part of the palette and of the cheat sheet (features/<feature>/palette.ts). */
export interface FeaturePalette {
  commands?: readonly CommandDefinition[];
  /**
   * The single keys its screen answers (bound there with ui/use-key-shortcuts.ts), listed by the
   * `?` cheat sheet under the tab's name.
   */
  shortcuts?: readonly { keys: KeyBinding; title: MessageKey }[];
}

/**
 * Everything the shell needs to know about a feature. Each folder under features/ exports one;
 * features/index.ts lists them, main.tsx hands that list to the app, and the shell builds its
 * sidebar, routes, shortcuts, palette entries, preference panels and live-event handling from it
 * alone: nothing under app/ imports a feature.
 */
export interface FeatureDefinition {
  /** Stable id, also stored as the user's start tab. */
  id: string;
  /** Deep-link root; the feature owns every sub-path below it. */
  path: `/${string}`;
  icon: IconName;
  /** i18n key of the tab's label (every language has it). */
  title: MessageKey;
  /** Letter that opens the tab after pressing G (G L → Links). */
  shortcut?: string;
  /** The tab's screen, loaded on first visit. */
  component: LazyScreen;
  /**
   * Its palette commands and the keys its screen answers, behind a loader: only the palette and
   * the cheat sheet read them, so their titles, keywords and actions weigh nothing on the first load.
   */
  palette?: () => Promise<FeaturePalette>;
  /**
   * How this feature's domain events update the cache. A loader, not the appliers themselves:
   * cache code is fetched with the data layer, after the login screen, so it stays out of the
   * initial budget however many features there are.
   */
  events?: () => Promise<EventAppliers>;
  /**
   * The collections this feature keeps in the live local replica (see api/replica/use-replica.ts),
   * with the events that keep them current. A loader like `events`: snapshots start at sign-in,
   * whichever tab is open, and nothing weighs on the initial load.
   */
  replica?: () => Promise<readonly ReplicaDeclaration[]>;
  /**
   * Entries for the palette's "Contenu" group (search hits), given the query: loaded with the first
   * query long enough to send, so the palette costs nothing more until then.
   */
  paletteSection?: LazyExoticComponent<ComponentType<PaletteSectionProps>>;
  /**
   * Commands made from the query itself ("alarme demain 9h réunion" offers to create that alarm),
   * listed before every other entry: loaded with the first letter typed, so it weighs nothing until then.
   */
  queryCommands?: LazyExoticComponent<ComponentType<PaletteSectionProps>>;
  /** The feature's parts of the project page (its tasks, notes… of the project), loaded with that page. */
  projectSections?: readonly ProjectSection[];
  /** The feature's cards on the dashboard (the alarms to come), loaded with it. */
  dashboardSections?: readonly DashboardSection[];
  /**
   * Shown over every tab while signed in (the dialog of a ringing alarm), inside the data layer:
   * loaded once the shell is up, so it weighs nothing on the initial load.
   */
  overlay?: LazyExoticComponent<ComponentType>;
  /** Panels the feature adds to Préférences (the search engine's status), loaded with that page. */
  preferencesPanels?: readonly LazyExoticComponent<ComponentType>[];
  /** A count shown on the tab (unread messages); 0 shows nothing. A store, so the shell needs none of the feature's code. */
  badge?: Store<number>;
}
