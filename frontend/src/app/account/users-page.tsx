import type { Role, User } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { queryState } from '../../ui/load-state.tsx';
import { Page } from '../../ui/page.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { authErrorMessage, fieldErrorMessage, fieldErrorsOf } from '../auth/auth-errors.ts';
import { useCurrentUserId } from '../auth/current-user.ts';

const usersKey = ['users'] as const;
/** An instance has a handful of accounts: one page of the largest size lists them all. */
const LIMIT = 200;

/** What admins do to accounts; the server refuses it to anyone else, and the page says so. */
export function UsersPage({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation('account');
  if (!isAdmin) {
    return (
      <Page titleId="users-title" title={t('users.title')}>
        <p role="alert">{t('users.forbidden')}</p>
      </Page>
    );
  }
  return (
    <Page titleId="users-title" title={t('users.title')} intro={t('users.intro')}>
      <div className="account-sections">
        <CreateUserForm />
        <UserList />
      </div>
    </Page>
  );
}

function useUserUpdate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { disabled?: boolean; password?: string } }) =>
      call(routes.users.update, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

function UserList() {
  const { t } = useTranslation('account');
  const me = useCurrentUserId();
  const query = useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => call(routes.users.list, { query: { limit: LIMIT }, signal }),
  });
  const update = useUserUpdate();
  const [disabling, setDisabling] = useState<User>();
  const [resetting, setResetting] = useState<User>();

  const setDisabled = (user: User, disabled: boolean) =>
    update.mutate(
      { id: user.id, body: { disabled } },
      {
        onSuccess: () => {
          setDisabling(undefined);
          showToast(t(disabled ? 'users.disabledDone' : 'users.enabledDone', { username: user.username }));
        },
      },
    );

  return (
    <section className="card account-card" aria-labelledby="users-list">
      <h2 id="users-list" className="section-title">
        {t('users.list')}
      </h2>
      <DataList
        label={t('users.list')}
        items={query.data?.items}
        {...queryState(query)}
        getKey={(user) => user.id}
        renderItem={(user) => (
          <div className="account-row">
            <div className="account-row-main">
              <strong>{user.displayName}</strong>
              <span className="muted">@{user.username}</span>
              <span className="account-badge">{t(`users.roles.${user.role}`)}</span>
              {user.disabled && <span className="account-badge">{t('users.disabled')}</span>}
              {user.id === me && <span className="muted">({t('users.you')})</span>}
            </div>
            {user.id !== me && (
              <div className="account-row-actions">
                <Button onClick={() => setResetting(user)} aria-label={`${t('users.resetPassword')} — ${user.username}`}>
                  {t('users.resetPassword')}
                </Button>
                {user.disabled ? (
                  <Button onClick={() => setDisabled(user, false)} aria-label={`${t('users.enable')} — ${user.username}`}>
                    {t('users.enable')}
                  </Button>
                ) : (
                  <Button onClick={() => setDisabling(user)} aria-label={`${t('users.disable')} — ${user.username}`}>
                    {t('users.disable')}
                  </Button>
                )}
              </div>
            )}
          </div>
        )}
      />
      {disabling && (
        <ConfirmDialog
          title={t('users.disableTitle', { username: disabling.username })}
          confirmLabel={t('users.disable')}
          pending={update.isPending}
          error={update.error}
          onConfirm={() => setDisabled(disabling, true)}
          onClose={() => setDisabling(undefined)}
        >
          <p>{t('users.disableBody')}</p>
        </ConfirmDialog>
      )}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(undefined)} />}
    </section>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const [password, setPassword] = useState('');
  const update = useUserUpdate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { id: user.id, body: { password } },
      {
        onSuccess: () => {
          showToast(t('users.resetDone', { username: user.username }));
          onClose();
        },
      },
    );
  };
  const fieldError = fieldErrorMessage(update.error, 'password', tRoot);
  const title = t('users.resetTitle', { username: user.username });
  return (
    <Dialog label={title} onClose={onClose} className="dialog-padded">
      <form className="account-card" onSubmit={submit} noValidate>
        <h2 className="dialog-title">{title}</h2>
        <p>{t('users.resetBody')}</p>
        <TextField
          label={t('password.next')}
          name="new-password"
          type="password"
          autoComplete="new-password"
          hint={tRoot('auth.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError}
          autoFocus
        />
        {update.error && !fieldError && (
          <p className="form-error" role="alert">
            {authErrorMessage(update.error, tRoot)}
          </p>
        )}
        <div className="dialog-actions">
          <Button onClick={onClose}>{tRoot('ui.cancel')}</Button>
          <Button type="submit" variant="danger" disabled={update.isPending || !password}>
            {t('users.reset')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

const emptyForm = { username: '', displayName: '', password: '', role: 'user' as Role };

function CreateUserForm() {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(emptyForm);
  const create = useMutation({
    mutationFn: () => {
      const displayName = form.displayName.trim();
      return call(routes.users.create, {
        body: { username: form.username, password: form.password, role: form.role, ...(displayName ? { displayName } : {}) },
      });
    },
    onSuccess: (user) => {
      setForm(emptyForm);
      showToast(t('users.created', { username: user.username }));
      return queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
  const edit = (field: 'username' | 'displayName' | 'password') => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });
  const { byField: errors, any: fieldLevel } = fieldErrorsOf(create.error, ['username', 'displayName', 'password'], tRoot);
  const formLevel = create.error && !fieldLevel;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card account-card" aria-labelledby="users-create" onSubmit={submit} noValidate>
      <h2 id="users-create" className="section-title">
        {t('users.create')}
      </h2>
      <TextField
        label={tRoot('auth.username')}
        name="new-username"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        hint={tRoot('auth.usernameHint')}
        value={form.username}
        onChange={edit('username')}
        error={errors.username}
        required
      />
      <TextField
        label={tRoot('auth.displayName')}
        optionalLabel={tRoot('auth.optional')}
        name="new-display-name"
        autoComplete="off"
        value={form.displayName}
        onChange={edit('displayName')}
        error={errors.displayName}
      />
      <TextField
        label={tRoot('auth.password')}
        name="new-password"
        type="password"
        autoComplete="new-password"
        hint={tRoot('auth.passwordHint')}
        value={form.password}
        onChange={edit('password')}
        error={errors.password}
        required
      />
      <SelectField
        label={t('users.role')}
        value={form.role}
        options={(['user', 'admin'] as const).map((role) => ({ value: role, label: t(`users.roles.${role}`) }))}
        onChange={(role) => setForm({ ...form, role: role as Role })}
      />
      {formLevel && (
        <p className="form-error" role="alert">
          {authErrorMessage(create.error, tRoot)}
        </p>
      )}
      <div>
        <Button type="submit" variant="primary" disabled={create.isPending || !form.username || !form.password}>
          {create.isPending ? t('users.creating') : t('users.create')}
        </Button>
      </div>
    </form>
  );
}
