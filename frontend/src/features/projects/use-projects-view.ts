import { useState } from 'react';
import { useCurrentUserId } from '../../app/auth/current-user.ts';

export const projectsViews = ['list', 'portfolio'] as const;
export type ProjectsView = (typeof projectsViews)[number];

const keyOf = (userId: string) => `pnx.projectsView.${userId}`;

/** The Projets tab's view, remembered per user on this device (two people may share a browser). */
export function useProjectsView(): [ProjectsView, (view: ProjectsView) => void] {
  const me = useCurrentUserId();
  const [view, setView] = useState<ProjectsView>(() => (localStorage.getItem(keyOf(me)) === 'portfolio' ? 'portfolio' : 'list'));
  const choose = (next: ProjectsView) => {
    localStorage.setItem(keyOf(me), next);
    setView(next);
  };
  return [view, choose];
}
