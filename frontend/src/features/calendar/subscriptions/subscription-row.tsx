import type { CalendarSubscription } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { useFormat } from '../../../ui/format.ts';
import { SelectField } from '../../../ui/select-field.tsx';
import { showToast } from '../../../ui/toast.tsx';
import { useIntervalOptions } from './intervals.ts';
import { useReasonText } from './reason-text.ts';
import { useSubscriptionOperations } from './use-subscriptions.ts';

/** How the last fetch went: loading, its failure, or what it changed. */
function FetchStatus({ subscription: s }: { subscription: CalendarSubscription }) {
  const { t } = useTranslation('calendarSubscriptions');
  const format = useFormat();
  const reasonText = useReasonText();
  if (s.refreshing) return <span className="muted">{t('refreshing')}</span>;
  if (s.lastError) {
    const reason = reasonText(s.lastError.reason, s.lastError.message);
    return (
      <span className="form-error" role="status">
        {t('failedAt', { date: format.dateTime(s.lastError.at), reason })}
      </span>
    );
  }
  if (!s.lastFetchedAt || !s.lastCounts) return <span className="muted">{t('never')}</span>;
  const counts = s.lastCounts;
  const what = counts.notModified ? t('notModified') : t('counts', counts);
  const skipped = counts.skipped > 0 ? ` · ${t('skipped', { count: counts.skipped })}` : '';
  return (
    <span className="muted" role="status">
      {t('fetchedAt', { date: format.dateTime(s.lastFetchedAt) })} · {what}
      {skipped}
    </span>
  );
}

export function SubscriptionRow({ subscription }: { subscription: CalendarSubscription }) {
  const { t } = useTranslation('calendarSubscriptions');
  const { update, refresh, remove } = useSubscriptionOperations();
  const [confirming, setConfirming] = useState(false);
  const options = useIntervalOptions(subscription.intervalMinutes);
  const { name } = subscription;
  return (
    <li className="calendar-subscription">
      <div className="calendar-subscription-head">
        <strong>{name}</strong>
        <span className="muted calendar-subscription-url">{subscription.url}</span>
        <FetchStatus subscription={subscription} />
      </div>
      <div className="calendar-subscription-actions">
        <SelectField
          label={t('intervalLabel', { name })}
          value={String(subscription.intervalMinutes)}
          options={options}
          onChange={(value) =>
            update.mutate({ id: subscription.id, intervalMinutes: Number(value) }, { onSuccess: () => showToast(t('saved')) })
          }
        />
        <Button
          onClick={() => refresh.mutate(subscription.id)}
          disabled={subscription.refreshing || refresh.isPending}
          aria-label={t('refreshLabel', { name })}
        >
          {t('refresh')}
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={t('removeLabel', { name })}>
          {t('remove')}
        </Button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('removeTitle', { name })}
          confirmLabel={t('remove')}
          pending={remove.isPending}
          error={remove.error}
          onClose={() => setConfirming(false)}
          onConfirm={() => remove.mutate(subscription.id, { onSuccess: () => (setConfirming(false), showToast(t('removed'))) })}
        >
          <p>{t('removeBody')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
