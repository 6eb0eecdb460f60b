import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useLinkOperations } from './use-links.ts';

/** The "new link" form, filing links into `projectId` when given; `?new` in the address (the palette's "New link") focuses it. */
export function LinkForm({ projectId = null }: { projectId?: string | null }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { create } = useLinkOperations();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (new URLSearchParams(search).has('new')) nameInput.current?.focus();
  }, [search]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, url, projectId },
      {
        onSuccess: () => {
          setName('');
          setUrl('');
          showToast(t('links.created'));
          nameInput.current?.focus();
        },
      },
    );
  };

  const error = create.error instanceof ApiError ? create.error : undefined;
  return (
    <form className="card link-form" onSubmit={submit} aria-label={t('links.newLink')}>
      <TextField
        ref={nameInput}
        label={t('links.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error?.fieldError('name')}
        required
        maxLength={200}
      />
      <TextField
        label={t('links.url')}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={error?.fieldError('url')}
        required
        inputMode="url"
        placeholder="https://"
      />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        {t('links.add')}
      </Button>
      {create.error && !error?.problem?.errors && (
        <p className="form-error" role="alert">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
