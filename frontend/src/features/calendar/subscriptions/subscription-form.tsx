import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem.ts';
import { Button } from '../../../ui/button.tsx';
import { SelectField } from '../../../ui/select-field.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { showToast } from '../../../ui/toast.tsx';
import { useReasonText } from './reason-text.ts';
import { intervalChoices, useIntervalOptions } from './intervals.ts';
import { useSubscriptionOperations } from './use-subscriptions.ts';

/** Subscribe to an address; the server checks where it leads and says why it refuses one. */
export function SubscriptionForm() {
  const { t } = useTranslation('calendarSubscriptions');
  const reasonText = useReasonText();
  const { create } = useSubscriptionOperations();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [interval, setInterval] = useState(String(intervalChoices[2]));
  const options = useIntervalOptions();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { url, intervalMinutes: Number(interval), ...(name.trim() && { name }) };
    create.mutate(body, {
      onSuccess: () => {
        setUrl('');
        setName('');
        showToast(t('subscribed'));
      },
    });
  };

  const error = create.error instanceof ApiError ? create.error : undefined;
  const urlProblem = error?.problem?.errors?.find((e) => e.path === 'body.url');
  const urlError = urlProblem?.code ? reasonText(urlProblem.code, urlProblem.message) : error?.fieldError('url');
  return (
    <form className="calendar-subscription-form" onSubmit={submit} aria-label={t('subscribe')}>
      <TextField
        label={t('url')}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={urlError}
        required
        inputMode="url"
        placeholder="https://… / webcal://…"
      />
      <TextField
        label={t('name')}
        optionalLabel={t('optional')}
        hint={t('nameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error?.fieldError('name')}
        maxLength={200}
      />
      <SelectField label={t('interval')} value={interval} options={options} onChange={setInterval} />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        {t('subscribe')}
      </Button>
      {create.error && !error?.problem?.errors && (
        <p className="form-error" role="alert">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
