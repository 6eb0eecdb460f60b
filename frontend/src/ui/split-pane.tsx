import type { ReactNode } from 'react';
import { Link } from './link.tsx';
import './split-pane.css';

interface SplitPaneProps {
  /** The list beside the open item (`<aside>`); `listLabel` names it when it has no heading. */
  list: ReactNode;
  listLabel?: string;
  listClassName?: string;
  /** Whether an item is open: on a narrow screen the list then gives way to it, with a link back. */
  open: boolean;
  back: { to: string; label: string };
  children: ReactNode;
}

/** A list and the item opened from it, side by side; one at a time on a narrow screen. */
export function SplitPane({ list, listLabel, listClassName, open, back, children }: SplitPaneProps) {
  return (
    <div className="split" data-open={open ? 'true' : 'false'}>
      <aside className={listClassName ? `split-list ${listClassName}` : 'split-list'} aria-label={listLabel}>
        {list}
      </aside>
      <div className="split-detail">
        {open && (
          <Link to={back.to} className="split-back">
            ← {back.label}
          </Link>
        )}
        {children}
      </div>
    </div>
  );
}

/** What the detail side shows while nothing is open. */
export const SplitPlaceholder = ({ children }: { children: ReactNode }) => <p className="muted split-placeholder">{children}</p>;
