import type { ReactNode } from 'react';
import './dash-card.css';

interface DashCardProps {
  /** The h2's id, which labels the card. */
  titleId: string;
  title: ReactNode;
  /** At the right of the title (a period switch). */
  actions?: ReactNode;
  /** Spans the whole row of the dashboard grid. */
  wide?: boolean;
  tone?: 'danger';
  /** Shown instead of the content when there is nothing in it. */
  empty?: { when: boolean; text: string };
  children: ReactNode;
}

/** A dashboard card: a section labelled by its title, its content or a line saying there is none. */
export function DashCard({ titleId, title, actions, wide, tone, empty, children }: DashCardProps) {
  return (
    <section className={wide ? 'card dash-card dash-wide' : 'card dash-card'} aria-labelledby={titleId} data-tone={tone}>
      <div className="dash-card-head">
        <h2 id={titleId} className="dash-title">
          {title}
        </h2>
        {actions}
      </div>
      {empty?.when ? <p className="muted">{empty.text}</p> : children}
    </section>
  );
}
