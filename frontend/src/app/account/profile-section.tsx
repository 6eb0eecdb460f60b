import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { uploadFile } from '../../api/files.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { fieldErrorMessage, authErrorMessage } from '../auth/auth-errors.ts';
import { replaceSignedInUser, useSession } from '../auth/session-store.ts';
import { UserAvatar } from './user-avatar.tsx';

/** The display name others see beside what I write; the username stays as it was created. */
export function ProfileSection() {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const session = useSession();
  const user = session.phase === 'signed-in' ? session.user : undefined;
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const picker = useRef<HTMLInputElement>(null);
  const [avatarPending, setAvatarPending] = useState(false);

  /** The image goes to Fichiers like any upload, then becomes the avatar (or none). */
  const changeAvatar = (file: File | null) => {
    setAvatarPending(true);
    setError(undefined);
    const fileId = file
      ? uploadFile(file, () => undefined, new AbortController().signal).then((f) => f.id)
      : Promise.resolve(null);
    fileId
      .then((id) => call(routes.users.setAvatar, { body: { fileId: id } }))
      .then((updated) => {
        replaceSignedInUser(updated);
        showToast(t(file ? 'profile.avatarSaved' : 'profile.avatarRemoved'));
      }, setError)
      .finally(() => setAvatarPending(false));
  };

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
      {user && (
        <div className="account-avatar">
          <UserAvatar user={user} />
          <Button onClick={() => picker.current?.click()} disabled={avatarPending}>
            {t('profile.chooseAvatar')}
          </Button>
          {user.avatarFileId && (
            <Button variant="ghost" onClick={() => changeAvatar(null)} disabled={avatarPending}>
              {t('profile.removeAvatar')}
            </Button>
          )}
          <input
            ref={picker}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            hidden
            data-testid="avatar-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) changeAvatar(file);
            }}
          />
        </div>
      )}
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
