import type { BudgetColumnMapping, BudgetImport } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { mappedRoles } from './import-queries.ts';
import type { ApplyOptions, MappedRole } from './import-queries.ts';
import { ImportPreview } from './import-preview.tsx';

const noMapping: BudgetColumnMapping = {
  date: null,
  amount: null,
  debit: null,
  credit: null,
  vendor: null,
  label: null,
  id: null,
  currency: null,
  vat: null,
  invoiceNumber: null,
  category: null,
};

type Formats = Required<Pick<ApplyOptions, 'dateFormat' | 'decimalSeparator' | 'amountSign'>>;

/** The preview of an uploaded file, what was detected, and a select per column role; "Importer" applies it. */
export function ImportMapping({
  doc,
  onApply,
  pending,
  error,
}: {
  doc: BudgetImport;
  onApply: (options: ApplyOptions) => void;
  pending: boolean;
  error: Error | null;
}) {
  const { t } = useTranslation('budget');
  const table = doc.format === 'csv' || doc.format === 'xlsx';
  const [mapping, setMapping] = useState<BudgetColumnMapping>(doc.mapping ?? noMapping);
  const [formats, setFormats] = useState<Formats>({
    dateFormat: doc.dateFormat ?? 'dmy',
    decimalSeparator: doc.decimalSeparator ?? ',',
    amountSign: doc.amountSign ?? 'bank',
  });
  const columns = [
    { value: '', label: t('import.noColumn') },
    ...doc.headers.map((header, index) => ({ value: String(index), label: header || t('import.column', { n: index + 1 }) })),
  ];
  const setRole = (role: MappedRole, value: string) => setMapping({ ...mapping, [role]: value === '' ? null : Number(value) });
  const rolesOf = (index: number) => mappedRoles.filter((role) => mapping[role] === index);

  return (
    <form
      className="import-mapping"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(table ? { mapping, ...formats } : {});
      }}
    >
      <dl className="import-detected">
        <dt>{t('import.format')}</dt>
        <dd>{doc.format.toUpperCase()}</dd>
        {doc.encoding && (
          <>
            <dt>{t('import.encoding')}</dt>
            <dd>{doc.encoding}</dd>
          </>
        )}
        {doc.delimiter && (
          <>
            <dt>{t('import.delimiter')}</dt>
            <dd>{t(`import.delimiters.${delimiterName(doc.delimiter)}`)}</dd>
          </>
        )}
        <dt>{t('import.rows')}</dt>
        <dd>{doc.rowCount}</dd>
      </dl>
      {table && (
        <>
          {doc.mappingRemembered && (
            <p className="import-remembered" role="note">
              {t('import.remembered')}
            </p>
          )}
          <fieldset className="import-roles">
            <legend>{t('import.mapping')}</legend>
            {mappedRoles.map((role) => (
              <SelectField
                key={role}
                label={t(`import.roles.${role}`)}
                value={mapping[role] === null ? '' : String(mapping[role])}
                options={columns}
                onChange={(value) => setRole(role, value)}
              />
            ))}
          </fieldset>
          <fieldset className="import-roles">
            <legend>{t('import.readAs')}</legend>
            <SelectField
              label={t('import.dateFormat')}
              value={formats.dateFormat}
              options={(['dmy', 'mdy', 'ymd'] as const).map((value) => ({ value, label: t(`import.dateFormats.${value}`) }))}
              onChange={(value) => setFormats({ ...formats, dateFormat: value as Formats['dateFormat'] })}
            />
            <SelectField
              label={t('import.decimalSeparator')}
              value={formats.decimalSeparator}
              options={[
                { value: ',', label: t('import.decimalComma') },
                { value: '.', label: t('import.decimalPoint') },
              ]}
              onChange={(value) => setFormats({ ...formats, decimalSeparator: value as Formats['decimalSeparator'] })}
            />
            <SelectField
              label={t('import.amountSign')}
              value={formats.amountSign}
              options={(['bank', 'expense'] as const).map((value) => ({ value, label: t(`import.signs.${value}`) }))}
              onChange={(value) => setFormats({ ...formats, amountSign: value as Formats['amountSign'] })}
            />
          </fieldset>
        </>
      )}
      <ImportPreview doc={doc} rolesOf={table ? rolesOf : undefined} />
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={pending}>
        {t('import.apply', { count: doc.rowCount })}
      </Button>
    </form>
  );
}

const delimiterName = (delimiter: string) => (delimiter === ';' ? 'semicolon' : delimiter === ',' ? 'comma' : 'tab');
