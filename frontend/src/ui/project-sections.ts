import type { ComponentType, LazyExoticComponent } from 'react';
import { createStore, useStore } from '../lib/store.ts';

export interface ProjectSectionProps {
  projectId: string;
}

/**
 * A part of the project page (`/projects/<id>`) that another feature fills with its content of the
 * project (tasks, notes, links, files): declared in its registry entry (`projectSections`), loaded
 * with the page, rendered in `order`.
 */
export interface ProjectSection {
  id: string;
  order: number;
  component: LazyExoticComponent<ComponentType<ProjectSectionProps>>;
}

/**
 * The sections every feature declares, set once by main.tsx from the registry: the projects feature
 * reads them here, as a feature may not import another and ui/ may not import the shell.
 */
export const projectSections = createStore<readonly ProjectSection[]>([]);

export const useProjectSections = () => useStore(projectSections);
