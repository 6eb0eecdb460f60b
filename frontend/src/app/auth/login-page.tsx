import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/link.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { authErrorMessage } from './auth-errors.ts';
import { AuthLayout } from './auth-layout.tsx';
import { signIn } from './session-store.ts';

export default function LoginPage({ expired, registrationOpen }: { expired: boolean; registrationOpen: boolean }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});

  useEffect(() => {
    document.title = `${t('auth.signInTitle')} — ${t('app.name')}`;
  }, [t]);

  const submit = () => {
    // An empty field is named before anything is sent; the browser's own bubbles are off (noValidate).
    const empty = { username: username.trim() === '', password: password === '' };
    setMissing(empty);
    if (empty.username || empty.password) {
      document.getElementById(empty.username ? 'login-username' : 'login-password')?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    // On success the session store switches the app to the shell; this screen unmounts.
    signIn({ username, password }).catch((failure: unknown) => {
      setError(failure);
      setPending(false);
    });
  };

  return (
    <AuthLayout
      title={t('auth.signInTitle')}
      subtitle={t('auth.signInSubtitle')}
      submitLabel={pending ? t('auth.signingIn') : t('auth.signIn')}
      pending={pending}
      notice={expired && !error ? t('auth.sessionExpired') : undefined}
      error={error ? authErrorMessage(error, t) : undefined}
      onSubmit={submit}
      footer={
        registrationOpen && (
          <>
            {t('auth.noAccount')} <Link to={`/register${window.location.search}`}>{t('auth.registerTitle')}</Link>
          </>
        )
      }
    >
      <TextField
        label={t('auth.username')}
        id="login-username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={missing.username ? t('auth.usernameMissing') : undefined}
        required
        autoFocus
      />
      <TextField
        label={t('auth.password')}
        id="login-password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={missing.password ? t('auth.passwordMissing') : undefined}
        required
      />
    </AuthLayout>
  );
}
