import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import './auth.css';

interface AuthLayoutProps {
  title: string;
  subtitle: string;
  submitLabel: string;
  pending: boolean;
  error?: string | undefined;
  notice?: string | undefined;
  onSubmit: () => void;
  children: ReactNode;
  /** Below the form: the way to the other auth screen (sign in ↔ create an account). */
  footer?: ReactNode;
}

/** The centred card shared by sign-in and registration. */
export function AuthLayout({
  title,
  subtitle,
  submitLabel,
  pending,
  error,
  notice,
  onSubmit,
  children,
  footer,
}: AuthLayoutProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <main className="center-screen auth-screen">
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="auth-title">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span>{t('app.name')}</span>
        </div>
        <div>
          <h1 id="auth-title" className="auth-title">
            {title}
          </h1>
          <p className="muted auth-subtitle">{subtitle}</p>
        </div>
        {notice && (
          <p className="auth-notice" role="status">
            {notice}
          </p>
        )}
        {children}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" block disabled={pending} aria-busy={pending}>
          {submitLabel}
        </Button>
        {footer && <p className="muted auth-footer">{footer}</p>}
      </form>
    </main>
  );
}
