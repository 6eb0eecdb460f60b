import type { SearchHit, SearchKind } from '@panoramix/contracts';
import type { IconName } from '../../ui/icon.tsx';

export interface HitGroup {
  kind: SearchKind;
  hits: SearchHit[];
}

/**
 * Hits grouped by kind. Groups come in the order of their best hit (the API sorts by score), so
 * the most relevant kind is on top; inside a group the API's order stays.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<SearchKind, SearchHit[]>();
  for (const hit of hits) {
    const group = groups.get(hit.kind);
    if (group) group.push(hit);
    else groups.set(hit.kind, [hit]);
  }
  return [...groups].map(([kind, list]) => ({ kind, hits: list }));
}

/** The hits in display order: what ↑/↓ walk through, across groups. */
export const displayOrder = (groups: readonly HitGroup[]) => groups.flatMap((group) => group.hits);

export const kindIcons: Record<SearchKind, IconName> = {
  project: 'folder',
  task: 'tasks',
  note: 'note',
  session: 'note',
  line: 'note',
  link: 'link',
};

/** Every kind, in the filter's order (the record makes the compiler list a new kind here). */
export const searchKinds = Object.keys(kindIcons) as SearchKind[];

/**
 * Where a hit opens in this app. The API gives each item's canonical path; the web tabs route
 * some of them differently (sessions live under Notes, projects open as a dialog, tasks and
 * links have no page of their own yet, so their list opens).
 */
export function appPath(hit: Pick<SearchHit, 'kind' | 'id' | 'target' | 'projectId'>): string {
  const session = /^\/sessions\/(\w+)/.exec(hit.target);
  if (session) return `/notes/sessions/${session[1]}`;
  switch (hit.kind) {
    case 'project':
      return `/projects?edit=${hit.id}`;
    case 'task':
      return hit.projectId ? `/tasks?project=${hit.projectId}&status=all` : '/tasks?project=none&status=all';
    case 'link':
      return '/links';
    default:
      return hit.target;
  }
}
