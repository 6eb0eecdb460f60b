import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaletteItem } from '../../app/palette/commands.ts';
import { navigate } from '../../lib/location.ts';
import { kindIcon } from './group-hits.ts';
import { SnippetText } from './highlighted-text.tsx';
import { plainSnippet } from './plain-snippet.ts';
import { useSearch } from './use-search.ts';
import './messages.ts';

interface PaletteContentProps {
  query: string;
  /** The hits as palette entries, which the palette lists (and walks with ↑/↓) after its commands. */
  onItems: (items: PaletteItem[]) => void;
}

/** The palette's "Contenu" section: loaded on the first query of 2 characters, so commands alone cost nothing more. */
export default function PaletteContent({ query, onItems }: PaletteContentProps) {
  const { t } = useTranslation('search');
  const search = useSearch({ q: query, limit: 6 }, { minLength: 2 });
  const items = useMemo(
    () =>
      (search.results?.items ?? []).map((hit): PaletteItem => ({
        id: `content.${hit.kind}.${hit.id}`,
        label: hit.title,
        section: 'content',
        icon: kindIcon(hit.kind),
        detail: hit.snippet && hit.snippet !== hit.title && <SnippetText hit={hit} />,
        // The palette ranks hits against its commands on this text too (see rank-results.ts).
        keywords: plainSnippet(hit.snippet, []).text,
        perform: () => navigate(hit.target),
      })),
    [search.results, t],
  );
  useEffect(() => onItems(items), [items, onItems]);

  if (search.status === 'error') return <p className="palette-empty">{t('failed')}</p>;
  if (search.status === 'loading' && !search.results) return <p className="palette-empty">{t('searching')}</p>;
  return null;
}
