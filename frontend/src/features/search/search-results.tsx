import type { SearchHit } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { useProjectIndex } from '../../api/projects.ts';
import { useFormat } from '../../ui/format.ts';
import { Icon } from '../../ui/icon.tsx';
import type { HitGroup } from './group-hits.ts';
import { kindIcon } from './group-hits.ts';
import { SnippetText } from './highlighted-text.tsx';

interface SearchResultsProps {
  id: string;
  groups: readonly HitGroup[];
  active: SearchHit | undefined;
  onOpen: (hit: SearchHit) => void;
}

/** The option's DOM id, for the field's aria-activedescendant. */
export const optionId = (listId: string, hit: SearchHit) => `${listId}-${hit.kind}-${hit.id}`;

/** One listbox, one group per kind; the active option is driven from the search field. */
export function SearchResults({ id, groups, active, onOpen }: SearchResultsProps) {
  const { t } = useTranslation('search');
  const format = useFormat();
  const projects = useProjectIndex();
  return (
    <div id={id} role="listbox" aria-label={t('results')} className="search-results">
      {groups.map((group) => (
        <div key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`} className="search-group">
          <div id={`${id}-${group.kind}`} role="presentation" className="search-group-title">
            {t(`kinds.${group.kind}`)} <span className="muted">({group.hits.length})</span>
          </div>
          {group.hits.map((hit) => (
            <div
              key={hit.id}
              id={optionId(id, hit)}
              role="option"
              aria-selected={hit === active}
              className="search-hit"
              onMouseDown={(event) => event.preventDefault()} // keep the focus in the field
              onClick={() => onOpen(hit)}
            >
              <Icon name={kindIcon(hit.kind)} />
              <div className="search-hit-body">
                <span className="search-hit-title">{hit.title}</span>
                {hit.snippet && hit.snippet !== hit.title && (
                  <span className="search-hit-snippet">
                    <SnippetText hit={hit} />
                  </span>
                )}
              </div>
              <span className="search-hit-meta">
                {hit.projectId && projects.get(hit.projectId) && (
                  <span className="chip">{projects.get(hit.projectId)?.name}</span>
                )}
                {/* A message is dated, not "edited": most never are. */}
                {t(hit.kind === 'message' ? 'dated' : 'updated', { date: format.date(hit.updatedAt) })}
              </span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
