import type { ComponentType, LazyExoticComponent } from 'react';
import { createStore, useStore } from '../lib/store.ts';

/**
 * A card of the dashboard (Accueil) that another feature fills (the alarms to come): declared in
 * its registry entry (`dashboardSections`), loaded with the dashboard, rendered in `order`.
 */
export interface DashboardSection {
  id: string;
  order: number;
  component: LazyExoticComponent<ComponentType>;
}

/**
 * The sections every feature declares, set once by main.tsx from the registry: the dashboard reads
 * them here, as a feature may not import another and ui/ may not import the shell.
 */
export const dashboardSections = createStore<readonly DashboardSection[]>([]);

export const useDashboardSections = () => useStore(dashboardSections);
