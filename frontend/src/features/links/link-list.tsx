import type { Link } from '@panoramix/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { DataList } from '../../ui/data-list.tsx';
import { queryState } from '../../ui/load-state.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { LinkForm } from './link-form.tsx';
import { LinkRow } from './link-row.tsx';

interface LinkListProps {
  links: UseQueryResult<Link[]>;
  label: string;
  empty: ReactNode;
  showProject?: boolean;
}

/**
 * Links as rows, each edited in place with the form that creates them: its *Modifier* button, or
 * `e` on the row that holds the focus (the row last focused is marked). Closing the form gives the
 * focus back to the link, so the keyboard flow goes on.
 */
export function LinkList({ links, label, empty, showProject = true }: LinkListProps) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const rowOf = (id: string) => root.current?.querySelector<HTMLElement>(`[data-link-id="${id}"]`);
  useKeyShortcuts({
    e: () => {
      if (activeId && rowOf(activeId)?.contains(document.activeElement)) setEditingId(activeId);
    },
  });
  const done = (id: string) => {
    setEditingId(null);
    requestAnimationFrame(() => rowOf(id)?.querySelector<HTMLElement>('a')?.focus());
  };
  return (
    <div ref={root}>
      <DataList
        items={links.data}
        {...queryState(links)}
        getKey={(link) => link.id}
        label={label}
        empty={empty}
        renderItem={(link) => (
          <div data-link-id={link.id} onFocusCapture={() => setActiveId(link.id)}>
            {link.id === editingId ? (
              <LinkForm link={link} onDone={() => done(link.id)} />
            ) : (
              <LinkRow link={link} showProject={showProject} active={link.id === activeId} onEdit={() => setEditingId(link.id)} />
            )}
          </div>
        )}
      />
    </div>
  );
}
