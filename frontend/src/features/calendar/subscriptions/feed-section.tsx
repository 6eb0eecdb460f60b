import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { useFormat } from '../../../ui/format.ts';
import { LoadState, queryState } from '../../../ui/load-state.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { showToast } from '../../../ui/toast.tsx';
import { useFeedOperations, useFeedStatus } from './use-subscriptions.ts';
import { apiBase } from '../../../platform/index.ts';
import { copyText } from '../../../platform/powers.ts';

/** The address just made: shown this once (the server keeps only a hash of its secret), with a copy button. */
function NewAddress({ address }: { address: string }) {
  const { t } = useTranslation('calendarSubscriptions');
  const copy = () =>
    copyText(address).then(
      () => showToast(t('copied')),
      () => showToast(t('copyFailed'), 'error'),
    );
  return (
    <div className="calendar-feed-address">
      <TextField label={t('feedAddress')} value={address} readOnly hint={t('feedShownOnce')} onFocus={(e) => e.target.select()} />
      <Button variant="primary" onClick={() => void copy()}>
        {t('copy')}
      </Button>
    </div>
  );
}

type Confirming = 'regenerate' | 'revoke' | null;

export function FeedSection() {
  const { t } = useTranslation('calendarSubscriptions');
  const format = useFormat();
  const status = useFeedStatus();
  const { regenerate, revoke } = useFeedOperations();
  const [address, setAddress] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);

  const makeAddress = () =>
    regenerate.mutate(undefined, {
      onSuccess: ({ path }) => {
        setAddress(new URL(path, apiBase() || window.location.origin).href);
        setConfirming(null);
      },
    });
  const turnOff = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setAddress(null);
        setConfirming(null);
        showToast(t('feedRevoked'));
      },
    });

  return (
    <section className="calendar-feed" aria-labelledby="calendar-feed-title">
      <h3 id="calendar-feed-title">{t('feed')}</h3>
      <p className="muted">{t('feedIntro')}</p>
      <LoadState {...queryState(status)} data={status.data} isEmpty={() => false}>
        {(feed) => (
          <>
            <p role="status">
              {feed.active && feed.createdAt ? t('feedOn', { date: format.dateTime(feed.createdAt) }) : t('feedOff')}
            </p>
            {address && <NewAddress address={address} />}
            <div className="calendar-feed-actions">
              <Button
                variant={feed.active ? 'secondary' : 'primary'}
                disabled={regenerate.isPending}
                onClick={() => (feed.active ? setConfirming('regenerate') : makeAddress())}
              >
                {feed.active ? t('feedRegenerate') : t('feedCreate')}
              </Button>
              {feed.active && (
                <Button variant="ghost" onClick={() => setConfirming('revoke')}>
                  {t('feedRevoke')}
                </Button>
              )}
            </div>
            {regenerate.error && !confirming && (
              <p className="form-error" role="alert">
                {regenerate.error.message}
              </p>
            )}
          </>
        )}
      </LoadState>
      {confirming === 'regenerate' && (
        <ConfirmDialog
          title={t('feedRegenerateTitle')}
          confirmLabel={t('feedRegenerateConfirm')}
          pending={regenerate.isPending}
          error={regenerate.error}
          onClose={() => setConfirming(null)}
          onConfirm={makeAddress}
        >
          <p>{t('feedRegenerateBody')}</p>
        </ConfirmDialog>
      )}
      {confirming === 'revoke' && (
        <ConfirmDialog
          title={t('feedRevokeTitle')}
          confirmLabel={t('feedRevoke')}
          pending={revoke.isPending}
          error={revoke.error}
          onClose={() => setConfirming(null)}
          onConfirm={turnOff}
        >
          <p>{t('feedRevokeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
