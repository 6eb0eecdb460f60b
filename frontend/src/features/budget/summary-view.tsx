import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../api/preferences-store.ts';
import { useProjectIndex } from '../../api/projects.ts';
import { formatDay, parseDay } from '../../lib/date-input.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { BarChart } from './bar-chart.tsx';
import { formatMoney } from './money.ts';
import { useSummary } from './use-budget.ts';
import type { SummaryGroup } from './use-budget.ts';
import './messages.ts';

const breakdowns = ['vendor', 'category', 'team', 'project'] as const satisfies readonly SummaryGroup[];
const locales = { fr: 'fr-FR', en: 'en-GB' } as const;

/** The first day of the month eleven months back: a year of months, ending with this one. */
export function yearAgo(today = new Date()): string {
  const start = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 11, 1));
  return start.toISOString().slice(0, 10);
}

/** Every month from the first to the last of those given (`YYYY-MM`), so a month without a line shows as 0. */
export function monthsSpanned(months: readonly string[]): string[] {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const spanned: string[] = [];
  for (let [year, month] = first.split('-').map(Number) as [number, number]; ; month++) {
    if (month > 12) [year, month] = [year + 1, 1];
    const key = `${year}-${String(month).padStart(2, '0')}`;
    spanned.push(key);
    if (key >= last) return spanned;
  }
}

/** Synthèse: the monthly totals as a bar chart, and a breakdown (by vendor, category, team or project) with shares. */
export default function SummaryView() {
  const { t } = useTranslation('budget');
  const { language } = usePreferences();
  const projects = useProjectIndex();
  const [typed, setTyped] = useState({ from: formatDay(yearAgo(), language), to: '' });
  const [by, setBy] = useState<(typeof breakdowns)[number]>('vendor');
  const read = (text: string) => (text.trim() ? parseDay(text, language) : undefined);
  const from = read(typed.from);
  const to = read(typed.to);
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const months = useSummary('month', range);
  const breakdown = useSummary(by, range);
  const money = (cents: number) => formatMoney(cents, 'EUR', language);
  const monthName = new Intl.DateTimeFormat(locales[language], { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const share = new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits: 1 });
  const keyName = (key: string | null) => {
    if (key === null || key === '') return t('summary.unset');
    return by === 'project' ? (projects.get(key)?.name ?? key) : key;
  };

  const dateField = (name: 'from' | 'to') => (
    <TextField
      label={t(`filter.${name}`)}
      hint={t('filter.dayHint')}
      value={typed[name]}
      error={(name === 'from' ? from : to) === null ? t('filter.invalid') : undefined}
      onChange={(event) => setTyped((current) => ({ ...current, [name]: event.target.value }))}
    />
  );
  return (
    <div className="budget-summary">
      <form className="card budget-range" aria-label={t('summary.range')} onSubmit={(event) => event.preventDefault()}>
        {dateField('from')}
        {dateField('to')}
      </form>
      <section className="card budget-chart" aria-labelledby="budget-months">
        <h2 id="budget-months" className="section-title">
          {t('summary.byMonth')}
        </h2>
        <LoadState data={months.data} {...queryState(months)} isEmpty={(data) => data.count === 0} empty={t('summary.empty')}>
          {(data) => {
            const totals = new Map(data.rows.map((row) => [row.month ?? '', row.totalCents]));
            return (
              <>
                <p className="budget-total" role="status">
                  {t('summary.total', { total: money(data.totalCents), count: data.count })}
                </p>
                <BarChart
                  label={t('summary.byMonth')}
                  bars={monthsSpanned([...totals.keys()].filter(Boolean)).map((month) => {
                    const label = monthName.format(new Date(`${month}-01T00:00:00Z`));
                    const value = totals.get(month) ?? 0;
                    return { key: month, label, value, name: t('summary.bar', { month: label, total: money(value) }) };
                  })}
                />
              </>
            );
          }}
        </LoadState>
      </section>
      <section className="card budget-breakdown" aria-labelledby="budget-breakdown">
        <h2 id="budget-breakdown" className="section-title">
          {t('summary.breakdown')}
        </h2>
        <ChoiceGroup
          legend={t('summary.by')}
          value={by}
          options={breakdowns.map((value) => ({ value, label: t(value) }))}
          onChange={setBy}
        />
        <LoadState
          data={breakdown.data}
          {...queryState(breakdown)}
          isEmpty={(data) => data.count === 0}
          empty={t('summary.empty')}
        >
          {(data) => (
            <table className="budget-table budget-shares">
              <thead>
                <tr>
                  <th scope="col">{t(by)}</th>
                  <th scope="col" className="budget-amount">
                    {t('amount')}
                  </th>
                  <th scope="col" className="budget-amount">
                    {t('summary.share')}
                  </th>
                  <th scope="col" className="budget-amount">
                    {t('summary.lines')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...data.rows]
                  .sort((a, b) => b.totalCents - a.totalCents)
                  .map((row) => (
                    <tr key={row.key ?? ''}>
                      <th scope="row">{keyName(row.key)}</th>
                      <td className="budget-amount">{money(row.totalCents)}</td>
                      <td className="budget-amount">
                        {data.totalCents === 0 ? '—' : share.format(row.totalCents / data.totalCents)}
                      </td>
                      <td className="budget-amount">{row.count}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </LoadState>
      </section>
    </div>
  );
}
