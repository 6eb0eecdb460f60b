import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { formatDay, parseDay } from '../../lib/date-input.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { parseTypedAmount } from './money.ts';
import type { Language } from './money.ts';
import { useLineOperations } from './use-budget.ts';

const today = () => new Date().toLocaleDateString('sv'); // the device's day as YYYY-MM-DD

/** "Nouvelle dépense" (`?new`, `c`): a line entered by hand; the server gives it its vendor's team and department. */
export function LineForm({ language, onClose }: { language: Language; onClose: () => void }) {
  const { t } = useTranslation('budget');
  const { create } = useLineOperations();
  const [fields, setFields] = useState({ date: formatDay(today(), language), vendor: '', label: '', amount: '', category: '' });
  const [typo, setTypo] = useState<{ date?: string; amount?: string }>({});
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const date = parseDay(fields.date, language);
    const amountCents = parseTypedAmount(fields.amount);
    setTypo({
      ...(date ? {} : { date: t('badDate', { typed: fields.date }) }),
      ...(amountCents === null ? { amount: t('badAmount', { typed: fields.amount }) } : {}),
    });
    if (!date || amountCents === null) return;
    const { vendor, label, category } = fields;
    create.mutate(
      { date, vendor, label, category, amountCents },
      {
        onSuccess: () => {
          showToast(t('created', { vendor }));
          onClose();
        },
      },
    );
  };

  const error = create.error instanceof ApiError ? create.error : undefined;
  return (
    <Dialog label={t('newLine')} onClose={onClose} className="dialog-padded">
      <form className="budget-form" onSubmit={submit}>
        <h2 className="dialog-title">{t('newLine')}</h2>
        <TextField
          label={t('date')}
          value={fields.date}
          onChange={set('date')}
          error={typo.date ?? error?.fieldError('date')}
          inputMode="numeric"
          required
        />
        <TextField
          label={t('vendor')}
          value={fields.vendor}
          onChange={set('vendor')}
          error={error?.fieldError('vendor')}
          required
          maxLength={200}
          data-autofocus
        />
        <TextField
          label={t('amount')}
          hint={t('amountHint')}
          value={fields.amount}
          onChange={set('amount')}
          error={typo.amount ?? error?.fieldError('amountCents')}
          inputMode="decimal"
          required
        />
        <TextField label={t('label')} value={fields.label} onChange={set('label')} maxLength={500} />
        <TextField label={t('category')} value={fields.category} onChange={set('category')} maxLength={100} />
        {error && !error.fieldError('vendor') && !error.fieldError('date') && !error.fieldError('amountCents') && (
          <p role="alert" className="form-error">
            {error.message}
          </p>
        )}
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {t('create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
