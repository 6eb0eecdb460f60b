import type { BudgetImport } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import type { MappedRole } from './import-queries.ts';
import { formatDay } from '../../lib/date-input.ts';
import { formatMoney } from './money.ts';

const SHOWN = 8;

/**
 * The file's first rows as read, each column headed by the roles it is mapped to, then those rows
 * as the server parsed them with the mapping it guessed (or remembered).
 */
export function ImportPreview({ doc, rolesOf }: { doc: BudgetImport; rolesOf: ((index: number) => MappedRole[]) | undefined }) {
  const { t, i18n } = useTranslation('budget');
  const language = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <>
      {rolesOf && (
        <div className="import-table-wrap">
          <table className="import-table" aria-label={t('import.sample')}>
            <thead>
              <tr>
                {doc.headers.map((header, index) => (
                  <th key={index} scope="col">
                    {header}
                    {rolesOf(index).map((role) => (
                      <span key={role} className="import-role">
                        {t(`import.roles.${role}`)}
                      </span>
                    ))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {doc.sampleRows.slice(0, SHOWN).map((cells, row) => (
                <tr key={row}>
                  {doc.headers.map((_, index) => (
                    <td key={index}>{cells[index] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {doc.preview.length > 0 && (
        <div className="import-table-wrap">
          <table className="import-table" aria-label={t('import.parsed')}>
            <caption>{t('import.parsed')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.roles.date')}</th>
                <th scope="col">{t('import.roles.vendor')}</th>
                <th scope="col">{t('import.roles.label')}</th>
                <th scope="col">{t('import.roles.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.preview.slice(0, SHOWN).map((line, row) => (
                <tr key={row}>
                  <td>{formatDay(line.date, language) || t('import.noDate')}</td>
                  <td>{line.vendor}</td>
                  <td>{line.label}</td>
                  <td className="amount">
                    {line.amountCents === null ? t('import.noAmount') : formatMoney(line.amountCents, 'EUR', language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
