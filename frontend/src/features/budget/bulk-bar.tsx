import { budgetDepartments } from 'virtual:panoramix/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { useLineOperations } from './use-budget.ts';
import type { BulkSet } from './use-budget.ts';

/** Sets the category, team or department of the selected lines in one request (the server changes all or none). */
export function BulkBar({ selected, onDone }: { selected: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation('budget');
  const { bulk } = useLineOperations();
  const [category, setCategory] = useState('');
  const [team, setTeam] = useState('');
  const [department, setDepartment] = useState('');
  if (selected.length === 0) return null;

  const set: BulkSet = {
    ...(category.trim() ? { category: category.trim() } : {}),
    ...(team.trim() ? { team: team.trim() } : {}),
    ...(department ? { department: department as BulkSet['department'] } : {}),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    bulk.mutate(
      { ids: [...selected], set },
      {
        onSuccess: () => {
          setCategory('');
          setTeam('');
          setDepartment('');
          onDone();
        },
      },
    );
  };
  return (
    <form className="card budget-bulk" aria-label={t('bulk.label')} onSubmit={submit}>
      <strong role="status">{t('bulk.count', { count: selected.length })}</strong>
      <input
        className="input"
        aria-label={t('category')}
        placeholder={t('category')}
        value={category}
        onChange={(event) => setCategory(event.target.value)}
      />
      <input
        className="input"
        aria-label={t('team')}
        placeholder={t('team')}
        value={team}
        onChange={(event) => setTeam(event.target.value)}
      />
      <select
        className="select"
        aria-label={t('department')}
        value={department}
        onChange={(event) => setDepartment(event.target.value)}
      >
        <option value="">{t('department')}</option>
        {budgetDepartments.map((value) => (
          <option key={value} value={value}>
            {t(`departments.${value}`)}
          </option>
        ))}
      </select>
      <Button type="submit" variant="primary" disabled={Object.keys(set).length === 0 || bulk.isPending}>
        {t('bulk.apply')}
      </Button>
      <Button variant="ghost" onClick={onDone}>
        {t('bulk.clear')}
      </Button>
    </form>
  );
}
