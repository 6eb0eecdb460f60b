import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjects } from '../../api/projects.ts';
import { formatDay, parseDay } from '../../lib/date-input.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { filterOfSearch, searchOfFilter } from './lines-filter.ts';
import type { LinesFilter, LineSort } from './lines-filter.ts';
import { editableAmount, parseTypedAmount } from './money.ts';
import type { Language } from './money.ts';

type Draft = Record<'from' | 'to' | 'vendor' | 'category' | 'team' | 'min' | 'max' | 'q', string>;

const draftOf = (filter: LinesFilter, language: Language): Draft => ({
  from: filter.from ? formatDay(filter.from, language) : '',
  to: filter.to ? formatDay(filter.to, language) : '',
  vendor: filter.vendor ?? '',
  category: filter.category ?? '',
  team: filter.team ?? '',
  min: filter.minCents === undefined ? '' : editableAmount(filter.minCents, language),
  max: filter.maxCents === undefined ? '' : editableAmount(filter.maxCents, language),
  q: filter.q ?? '',
});

/** The typed filter, and which fields do not read: those are marked and keep the value they had. */
function read(draft: Draft, filter: LinesFilter, language: Language) {
  const invalid = new Set<keyof Draft>();
  const day = (name: 'from' | 'to') => {
    if (!draft[name].trim()) return undefined;
    const parsed = parseDay(draft[name], language);
    if (parsed === null) invalid.add(name);
    return parsed ?? filter[name];
  };
  const amount = (name: 'min' | 'max') => {
    if (!draft[name].trim()) return undefined;
    const parsed = parseTypedAmount(draft[name]);
    if (parsed === null) invalid.add(name);
    return parsed ?? filter[name === 'min' ? 'minCents' : 'maxCents'];
  };
  const text = (name: 'vendor' | 'category' | 'team' | 'q') => draft[name].trim() || undefined;
  const fields = {
    from: day('from'),
    to: day('to'),
    vendor: text('vendor'),
    category: text('category'),
    team: text('team')?.toLowerCase(),
    minCents: amount('min'),
    maxCents: amount('max'),
    q: text('q'),
  };
  return { fields, invalid };
}

/** The filters of the Lignes view; what is typed applies when typing pauses, a choice at once. */
export function LineFilters({
  filter,
  language,
  onChange,
}: {
  filter: LinesFilter;
  language: Language;
  onChange: (next: LinesFilter) => void;
}) {
  const { t } = useTranslation('budget');
  const projects = useProjects().data?.items ?? [];
  const [draft, setDraft] = useState(() => draftOf(filter, language));
  const { fields, invalid } = read(draft, filter, language);
  // The address this form last asked for: when it changes otherwise (a link, the palette), the fields show it.
  const [asked, setAsked] = useState(() => searchOfFilter(filter));
  const shown = searchOfFilter(filter);
  if (shown !== asked) {
    setAsked(shown);
    setDraft(draftOf(filter, language));
  }
  const apply = (next: LinesFilter) => {
    setAsked(searchOfFilter(next));
    onChange(next);
  };

  const typed = searchOfFilter({ ...filter, ...fields });
  useEffect(() => {
    if (typed === shown) return;
    const timer = setTimeout(() => apply(filterOfSearch(typed)), 300);
    return () => clearTimeout(timer);
  }, [typed, shown]);

  const field = (name: keyof Draft, hint?: string) => (
    <TextField
      label={t(`filter.${name}`)}
      hint={hint}
      value={draft[name]}
      error={invalid.has(name) ? t('filter.invalid') : undefined}
      type={name === 'q' ? 'search' : 'text'}
      inputMode={name === 'min' || name === 'max' ? 'decimal' : undefined}
      onChange={(event) => setDraft((current) => ({ ...current, [name]: event.target.value }))}
    />
  );
  // The search, vendor and sort stay in view; the other filters fold away (open when one is set), so a phone shows lines.
  const more =
    Boolean(filter.from || filter.to || filter.category || filter.team || filter.projectId) ||
    filter.minCents !== undefined ||
    filter.maxCents !== undefined;
  return (
    <form className="card budget-filters" role="search" aria-label={t('filter.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="budget-filter-row">
        {field('q')}
        {field('vendor')}
        <SelectField
          label={t('filter.sort')}
          value={filter.sort}
          options={(['date-desc', 'date-asc', 'amount-desc', 'amount-asc'] as const).map((sort) => ({
            value: sort,
            label: t(`sorts.${sort}`),
          }))}
          onChange={(sort) => apply({ ...filter, sort: sort as LineSort })}
        />
      </div>
      <details open={more || undefined}>
        <summary>{t('filter.more')}</summary>
        <div className="budget-filter-row">
          {field('from', t('filter.dayHint'))}
          {field('to', t('filter.dayHint'))}
          {field('min')}
          {field('max')}
          {field('category')}
          {field('team')}
          <SelectField
            label={t('filter.project')}
            value={filter.projectId ?? ''}
            options={[{ value: '', label: t('filter.anyProject') }, ...projects.map((p) => ({ value: p.id, label: p.name }))]}
            onChange={(projectId) => apply({ ...filter, projectId: projectId || undefined })}
          />
        </div>
      </details>
    </form>
  );
}
