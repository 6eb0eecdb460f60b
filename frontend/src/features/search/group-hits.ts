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

const kindIcons: Partial<Record<SearchKind, IconName>> = {
  project: 'folder',
  task: 'tasks',
  note: 'note',
  session: 'note',
  line: 'note',
  link: 'link',
  message: 'chat',
  file: 'file',
  person: 'user',
};

/** A kind's icon; a kind with none of its own yet (a new one) shows the search icon. */
export const kindIcon = (kind: SearchKind): IconName => kindIcons[kind] ?? 'search';
