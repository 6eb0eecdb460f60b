import type { BudgetLine } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../lib/date-input.ts';
import { Button } from '../../ui/button.tsx';
import { formatMoney } from './money.ts';
import type { ReviewPair } from './review-queries.ts';

type Language = 'fr' | 'en';
type Field = 'date' | 'vendor' | 'label' | 'amount' | 'category' | 'invoiceNumber' | 'team' | 'notes';
const fields: readonly { key: Field; show: (line: BudgetLine, language: Language) => string }[] = [
  { key: 'date', show: (l, language) => formatDay(l.date, language) },
  { key: 'vendor', show: (l) => l.vendor },
  { key: 'label', show: (l) => l.label },
  { key: 'amount', show: (l, language) => formatMoney(l.amountCents, l.currency, language) },
  { key: 'category', show: (l) => l.category },
  { key: 'invoiceNumber', show: (l) => l.invoiceNumber },
  { key: 'team', show: (l) => l.team ?? '' },
  { key: 'notes', show: (l) => l.notes },
];

/** One possible duplicate: both lines field by field, which one stays, and the three actions. */
export function ReviewPairCard({
  pair,
  current,
  keepId,
  pending,
  onFocus,
  onKeep,
  onAction,
}: {
  pair: ReviewPair;
  current: boolean;
  keepId: string;
  pending: boolean;
  onFocus: () => void;
  onKeep: (id: string) => void;
  onAction: (action: 'keepBoth' | 'merge' | 'ignore') => void;
}) {
  const { t, i18n } = useTranslation('budget');
  const language: Language = i18n.language === 'en' ? 'en' : 'fr';
  const lines = [pair.line, pair.other];
  return (
    <li
      className="review-pair"
      aria-current={current ? 'true' : undefined}
      aria-label={t('review.pairLabel', { vendor: pair.line.vendor })}
      onFocus={onFocus}
      onClick={onFocus}
    >
      <p className="review-match">{t(`review.match.${pair.matchKind}`)}</p>
      <table className="review-table">
        <thead>
          <tr>
            <td />
            {lines.map((line) => (
              <th key={line.id} scope="col">
                <label>
                  <input type="radio" name={`keep-${pair.key}`} checked={keepId === line.id} onChange={() => onKeep(line.id)} />{' '}
                  {keepId === line.id ? t('review.stays') : t('review.goes')}
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.key}>
              <th scope="row">{t(`review.fields.${field.key}`)}</th>
              {lines.map((line) => (
                <td key={line.id}>{field.show(line, language)}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('review.fields.source')}</th>
            {lines.map((line) => (
              <td key={line.id}>{line.importFile ? t('review.importedFrom', { file: line.importFile }) : t('review.typed')}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <div className="review-actions">
        <Button onClick={() => onAction('keepBoth')} disabled={pending} aria-keyshortcuts="d">
          {t('review.keepBoth')}
        </Button>
        <Button variant="primary" onClick={() => onAction('merge')} disabled={pending} aria-keyshortcuts="f">
          {t('review.merge')}
        </Button>
        <Button onClick={() => onAction('ignore')} disabled={pending} aria-keyshortcuts="i">
          {t('review.ignore')}
        </Button>
      </div>
    </li>
  );
}
