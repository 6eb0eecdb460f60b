import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/link.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { authErrorMessage, fieldErrorsOf } from './auth-errors.ts';
import { AuthLayout } from './auth-layout.tsx';
import { register } from './session-store.ts';
import '../account/messages.ts';

/**
 * Creating an account: on first run the first one (it becomes admin), later `/register` while
 * registration is open.
 */
export default function SetupPage({ firstRun }: { firstRun: boolean }) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('account');
  const [form, setForm] = useState({ username: '', displayName: '', password: '' });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const edit = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

  const submit = () => {
    setPending(true);
    setError(undefined);
    const displayName = form.displayName.trim();
    register({ username: form.username, password: form.password, ...(displayName ? { displayName } : {}) }).catch(
      (failure: unknown) => {
        setError(failure);
        setPending(false);
      },
    );
  };

  // Field problems are shown beside their field; anything else below the form.
  const { byField: fieldErrors, any: fieldLevel } = fieldErrorsOf(error, ['username', 'displayName', 'password'], t);
  return (
    <AuthLayout
      title={firstRun ? ta('setup.setupTitle') : t('auth.registerTitle')}
      subtitle={firstRun ? ta('setup.setupSubtitle') : ta('setup.registerSubtitle')}
      submitLabel={pending ? ta('setup.creating') : ta('setup.createAccount')}
      pending={pending}
      error={error && !fieldLevel ? authErrorMessage(error, t) : undefined}
      onSubmit={submit}
      footer={
        !firstRun && (
          <>
            {ta('setup.haveAccount')} <Link to={`/login${window.location.search}`}>{t('auth.signIn')}</Link>
          </>
        )
      }
    >
      <TextField
        label={t('auth.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        hint={t('auth.usernameHint')}
        error={fieldErrors.username}
        value={form.username}
        onChange={edit('username')}
        required
        autoFocus
      />
      <TextField
        label={t('auth.displayName')}
        optionalLabel={t('auth.optional')}
        name="displayName"
        autoComplete="name"
        error={fieldErrors.displayName}
        value={form.displayName}
        onChange={edit('displayName')}
      />
      <TextField
        label={t('auth.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('auth.passwordHint')}
        error={fieldErrors.password}
        value={form.password}
        onChange={edit('password')}
        required
      />
    </AuthLayout>
  );
}
