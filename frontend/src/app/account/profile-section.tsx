import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { fieldErrorMessage, authErrorMessage } from '../auth/auth-errors.ts';
import { replaceSignedInUser, useSession } from '../auth/session-store.ts';

/** The display name others see beside what I write; the username stays as it was created. */
export function ProfileSection() {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const session = useSession();
  const user = session.phase === 'signed-in' ? session.user : undefined;
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    call(routes.auth.updateMe, { body: { displayName } })
      .then((updated) => {
        replaceSignedInUser(updated);
        setDisplayName(updated.displayName);
        showToast(t('profile.saved'));
      }, setError)
      .finally(() => setPending(false));
  };

  const fieldError = fieldErrorMessage(error, 'displayName', tRoot);
  return (
    <form className="card account-card" aria-labelledby="account-profile" onSubmit={submit} noValidate>
      <h2 id="account-profile" className="section-title">
        {t('profile.title')}
      </h2>
      <p className="muted">{t('profile.username', { username: user?.username ?? '' })}</p>
      <TextField
        label={t('profile.displayName')}
        name="displayName"
        autoComplete="name"
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={fieldError}
        maxLength={50}
      />
      {error !== undefined && !fieldError && (
        <p className="form-error" role="alert">
          {authErrorMessage(error, tRoot)}
        </p>
      )}
      <div>
        <Button type="submit" variant="primary" disabled={pending || displayName === user?.displayName}>
          {t('profile.save')}
        </Button>
      </div>
    </form>
  );
}
