import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/dialog.tsx';
import { Icon } from '../../ui/icon.tsx';
import type { PaletteItem } from './commands.ts';
import { fuzzyFilter } from './fuzzy.ts';
import './command-palette.css';

interface CommandPaletteProps {
  items: readonly PaletteItem[];
  onClose: () => void;
}

/** Ctrl/Cmd+K: type to filter, ↑/↓ to choose, Enter to run, Esc to close. A combobox over a listbox. */
export function CommandPalette({ items, onClose }: CommandPaletteProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => fuzzyFilter(items, query, (item) => `${item.label} ${item.keywords}`), [items, query]);
  const current = results[Math.min(active, results.length - 1)];

  const run = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    item.perform();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    const move = moves[event.key];
    if (move !== undefined && results.length > 0) {
      event.preventDefault();
      setActive((index) => (Math.min(index, results.length - 1) + move + results.length) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(current);
    }
  };

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
          aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
          aria-label={t('palette.label')}
          placeholder={t('palette.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul id={listId} role="listbox" className="palette-list" aria-label={t('palette.label')}>
        {results.map((item) => (
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
            <span className="palette-label">{item.label}</span>
            {item.hint && <kbd className="kbd">{item.hint}</kbd>}
          </li>
        ))}
      </ul>
      {results.length === 0 && <p className="palette-empty">{t('palette.noResults')}</p>}
      <p className="palette-hint">{t('palette.hint')}</p>
    </Dialog>
  );
}
