import { Suspense, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/dialog.tsx';
import { Icon } from '../../ui/icon.tsx';
import { useListKeyboard } from '../../ui/use-list-keyboard.ts';
import type { FeatureDefinition } from '../registry.ts';
import type { PaletteItem } from './commands.ts';
import { fuzzyFilter } from './fuzzy.ts';
import { releaseKeys } from './held-keys.ts';
import { contentFirst, matchText } from './rank-results.ts';
import './command-palette.css';

// Content sections load (and search) from the first query long enough to send.
const CONTENT_MIN_LENGTH = 2;
const noHits: PaletteItem[] = [];
const noFeatures: FeatureDefinition[] = [];

/** A feature's part of the palette (its content section, its commands made from the query), as the registry holds it. */
interface PaletteSection {
  id: FeatureDefinition['id'];
  Section: NonNullable<FeatureDefinition['paletteSection']>;
}

const slot = (features: readonly FeatureDefinition[], name: 'paletteSection' | 'queryCommands') =>
  features.flatMap((f): PaletteSection[] => {
    const Section = f[name];
    return Section ? [{ id: f.id, Section }] : [];
  });

interface CommandPaletteProps {
  items: readonly PaletteItem[];
  /** The features whose `paletteSection` (under "Contenu") and `queryCommands` (listed first) it shows; none in a palette of commands only. */
  features?: readonly FeatureDefinition[];
  onClose: () => void;
}

/** One stable receiver per section: a section hands its entries over in an effect on this callback. */
function useReceivers(sections: readonly PaletteSection[]) {
  const [found, setFound] = useState<Readonly<Record<string, PaletteItem[]>>>({});
  const receiving = useMemo(
    () =>
      sections.map((section) => ({
        ...section,
        onItems: (items: PaletteItem[]) => setFound((all) => ({ ...all, [section.id]: items })),
      })),
    [sections],
  );
  const items = useMemo(() => sections.flatMap(({ id }) => found[id] ?? []), [sections, found]);
  return { receiving, items };
}

/**
 * Ctrl/Cmd+K: type to filter, ↑/↓ to choose, Enter to run, Esc to close. A combobox over a listbox:
 * matching tabs and commands first, then a "Contenu" group of search hits.
 */
export function CommandPalette({ items, features = noFeatures, onClose }: CommandPaletteProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [query, setQuery] = useState('');
  const searchesContent = query.trim().length >= CONTENT_MIN_LENGTH;
  const content = useReceivers(useMemo(() => slot(features, 'paletteSection'), [features]));
  const made = useReceivers(useMemo(() => slot(features, 'queryCommands'), [features]));
  const fromQuery = query.trim() ? made.items : noHits;
  const matching = useMemo(() => fuzzyFilter(items, query, matchText), [items, query]);
  const commands = useMemo(() => [...fromQuery, ...matching], [fromQuery, matching]);
  const hits = searchesContent ? content.items : noHits;
  const hitsFirst = fromQuery.length === 0 && contentFirst(commands, hits, query);
  const results = useMemo(() => (hitsFirst ? [...hits, ...commands] : [...commands, ...hits]), [hitsFirst, commands, hits]);

  // What was typed since Ctrl+K, while this chunk loaded or before the field had focus (the Dialog focused it just now).
  useEffect(() => {
    const typed = releaseKeys();
    if (typed) setQuery(typed);
  }, []);

  const run = (item: PaletteItem) => {
    onClose();
    item.perform();
  };

  const { current, currentId, onKeyDown, reset } = useListKeyboard(results, run, (item) => `${listId}-${item.id}`);
  const option = (item: PaletteItem) => (
    <li
      key={item.id}
      id={`${listId}-${item.id}`}
      role="option"
      aria-selected={item === current}
      className="palette-item"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => run(item)}
    >
      {item.icon && <Icon name={item.icon} />}
      <span className="palette-label">
        {item.label}
        {item.detail && <span className="palette-detail">{item.detail}</span>}
      </span>
      {item.hint && <kbd className="kbd">{item.hint}</kbd>}
    </li>
  );

  return (
    <Dialog label={t('palette.label')} onClose={onClose} className="palette">
      <div className="palette-search">
        <Icon name="search" />
        <input
          data-autofocus
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={currentId}
          aria-label={t('palette.label')}
          placeholder={t('palette.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            reset();
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul id={listId} role="listbox" className="palette-list" aria-label={t('palette.label')}>
        {!hitsFirst && commands.map(option)}
        {hits.length > 0 && (
          <li role="group" aria-labelledby={`${listId}-content`}>
            <span id={`${listId}-content`} className="palette-section">
              {t('palette.content')}
            </span>
            <ul role="none" className="palette-group">
              {hits.map(option)}
            </ul>
          </li>
        )}
        {hitsFirst && commands.map(option)}
      </ul>
      {results.length === 0 && <p className="palette-empty">{t('palette.noResults')}</p>}
      {query.trim() &&
        made.receiving.map(({ id, Section, onItems }) => (
          <Suspense key={id} fallback={null}>
            <Section query={query} onItems={onItems} />
          </Suspense>
        ))}
      {searchesContent &&
        content.receiving.map(({ id, Section, onItems }) => (
          <Suspense key={id} fallback={null}>
            <Section query={query} onItems={onItems} />
          </Suspense>
        ))}
      <p className="palette-hint">{t('palette.hint')}</p>
    </Dialog>
  );
}
