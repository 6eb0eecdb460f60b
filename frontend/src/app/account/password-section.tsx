import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { setSession } from '../../api/session-token.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { authErrorMessage, fieldErrorMessage } from '../auth/auth-errors.ts';
import { replaceSignedInUser } from '../auth/session-store.ts';

const empty = { currentPassword: '', newPassword: '', confirm: '' };

/** Changing the password signs every other session out; this tab carries on with the new tokens the answer brings. */
export function PasswordSection() {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const [form, setForm] = useState(empty);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [mismatch, setMismatch] = useState(false);
  const edit = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const differs = form.newPassword !== form.confirm;
    setMismatch(differs);
    if (differs) return document.getElementById('account-password-confirm')?.focus();
    setPending(true);
    call(routes.auth.changePassword, { body: { currentPassword: form.currentPassword, newPassword: form.newPassword } })
      .then((session) => {
        setSession(session);
        replaceSignedInUser(session.user);
        setForm(empty);
        showToast(t('password.changed'));
      }, setError)
      .finally(() => setPending(false));
  };

  const wrongCurrent = error instanceof ApiError && error.status === 403;
  const errors = {
    currentPassword: wrongCurrent ? t('password.wrong') : fieldErrorMessage(error, 'currentPassword', tRoot),
    newPassword: fieldErrorMessage(error, 'newPassword', tRoot),
  };
  const formLevel = error !== undefined && !errors.currentPassword && !errors.newPassword;
  return (
    <form className="card account-card" aria-labelledby="account-password" onSubmit={submit} noValidate>
      <h2 id="account-password" className="section-title">
        {t('password.title')}
      </h2>
      <TextField
        label={t('password.current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={form.currentPassword}
        onChange={edit('currentPassword')}
        error={errors.currentPassword}
        required
      />
      <TextField
        label={t('password.next')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={tRoot('auth.passwordHint')}
        value={form.newPassword}
        onChange={edit('newPassword')}
        error={errors.newPassword}
        required
      />
      <TextField
        label={t('password.confirm')}
        id="account-password-confirm"
        name="confirm"
        type="password"
        autoComplete="new-password"
        value={form.confirm}
        onChange={edit('confirm')}
        error={mismatch ? t('password.mismatch') : undefined}
        required
      />
      {formLevel && (
        <p className="form-error" role="alert">
          {authErrorMessage(error, tRoot)}
        </p>
      )}
      <div>
        <Button type="submit" variant="primary" disabled={pending || !form.currentPassword || !form.newPassword}>
          {pending ? t('password.changing') : t('password.change')}
        </Button>
      </div>
    </form>
  );
}
