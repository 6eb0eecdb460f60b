import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { buildForest, visibleRows } from './org-tree.ts';
import { usePeopleTree } from './use-people.ts';

const fullName = (p: { name: string; lastName: string }) => `${p.name} ${p.lastName}`.trim();

/**
 * The manager tree as a WAI-ARIA tree: one tab stop (roving tabindex), ↑/↓ move, → opens a
 * branch or goes to its first report, ← closes it or goes to the manager, Home/End, Enter opens
 * the person. Roots start open, deeper branches closed.
 */
export function OrgChart({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation('people');
  const tree = usePeopleTree();
  const forest = useMemo(() => buildForest(tree.data?.items ?? []), [tree.data]);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const open = expanded ?? new Set(forest.map((root) => root.node.id));
  const rows = visibleRows(forest, open);
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = rows.find((row) => row.branch.node.id === activeId) ?? rows[0];
  const list = useRef<HTMLUListElement>(null);

  const focus = (id: string | undefined) => {
    if (!id) return;
    setActiveId(id);
    list.current?.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus();
  };
  const toggle = (id: string, to: boolean) => {
    const next = new Set(open);
    if (to) next.add(id);
    else next.delete(id);
    setExpanded(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!active) return;
    const index = rows.indexOf(active);
    const id = active.branch.node.id;
    const hasChildren = active.branch.children.length > 0;
    const moves: Record<string, () => void> = {
      ArrowDown: () => focus(rows[index + 1]?.branch.node.id),
      ArrowUp: () => focus(rows[index - 1]?.branch.node.id),
      Home: () => focus(rows[0]?.branch.node.id),
      End: () => focus(rows.at(-1)?.branch.node.id),
      ArrowRight: () => hasChildren && (open.has(id) ? focus(active.branch.children[0]?.node.id) : toggle(id, true)),
      ArrowLeft: () => (hasChildren && open.has(id) ? toggle(id, false) : focus(active.parentId ?? undefined)),
      Enter: () => onOpen(id),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  return (
    <LoadState data={tree.data} {...queryState(tree)} isEmpty={(data) => data.items.length === 0} empty={t('orgEmpty')}>
      {() => (
        <>
          <p className="muted org-hint">{t('orgHint')}</p>
          <ul ref={list} role="tree" aria-label={t('orgChart')} className="org-tree" onKeyDown={onKeyDown}>
            {rows.map(({ branch, depth }) => {
              const { node, children } = branch;
              const isOpen = open.has(node.id);
              return (
                <li
                  key={node.id}
                  role="treeitem"
                  data-id={node.id}
                  aria-level={depth + 1}
                  aria-expanded={children.length > 0 ? isOpen : undefined}
                  aria-selected={node.id === active?.branch.node.id}
                  tabIndex={node.id === active?.branch.node.id ? 0 : -1}
                  className={node.left ? 'org-row person-left' : 'org-row'}
                  style={{ paddingInlineStart: `calc(${depth} * 1.5rem + 0.5rem)` }}
                  onFocus={() => setActiveId(node.id)}
                  onClick={() => onOpen(node.id)}
                >
                  <span
                    className="org-toggle"
                    aria-hidden="true"
                    onClick={(event) => {
                      event.stopPropagation();
                      if (children.length > 0) toggle(node.id, !isOpen);
                    }}
                  >
                    {children.length > 0 ? (isOpen ? '▾' : '▸') : ''}
                  </span>
                  <span className="org-name">{fullName(node)}</span>
                  {node.role && <span className="muted"> · {node.role}</span>}
                  {children.length > 0 && <span className="muted org-count">{t('reports', { count: children.length })}</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </LoadState>
  );
}
