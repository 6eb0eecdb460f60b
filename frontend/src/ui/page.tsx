import type { HTMLAttributes, ReactNode } from 'react';

interface PageProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** The h1's id, which labels the page's section (landmark navigation reads it). */
  titleId: string;
  title: ReactNode;
  /** A line under the title. */
  intro?: ReactNode;
  /** At the right of the title: the page's buttons or view switch. */
  actions?: ReactNode;
}

/** A tab's page: a section labelled by its h1, the header every page draws the same way. */
export function Page({ titleId, title, intro, actions, className, children, ...section }: PageProps) {
  const heading = (
    <h1 id={titleId} className="page-title">
      {title}
    </h1>
  );
  return (
    <section {...section} className={className ? `page ${className}` : 'page'} aria-labelledby={titleId}>
      <div className="page-header">
        {intro === undefined ? (
          heading
        ) : (
          <header className="page-intro">
            {heading}
            <p className="muted">{intro}</p>
          </header>
        )}
        {actions}
      </div>
      {children}
    </section>
  );
}
