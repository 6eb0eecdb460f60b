import type { Link } from '@panoramix/contracts';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useLinkOperations } from './use-links.ts';
import './messages.ts';

interface LinkFormProps {
  /** New links are filed there. */
  projectId?: string | null;
  /** The link being edited: the form opens filled in, saves its changes, and `onDone` closes it. */
  link?: Link;
  onDone?: () => void;
}

/**
 * The "new link" form, filing links into `projectId` when given; `?new` in the address (the palette's
 * "New link") focuses it. With `link`, the same form edits that link in place: Ctrl/⌘+Enter (or
 * Enter) saves, Escape cancels. The form handles these keys itself: a page may show two of them.
 */
export function LinkForm({ projectId = null, link, onDone }: LinkFormProps) {
  const { t } = useTranslation(['links', 'translation']);
  const { search } = useLocation();
  const { create, update } = useLinkOperations();
  const [name, setName] = useState(link?.name ?? '');
  const [url, setUrl] = useState(link?.url ?? '');
  const nameInput = useRef<HTMLInputElement>(null);
  const mutation = link ? update : create;

  useEffect(() => {
    if (link || new URLSearchParams(search).has('new')) nameInput.current?.focus();
  }, [search, link]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!link) {
      create.mutate(
        { name, url, projectId },
        {
          onSuccess: () => {
            setName('');
            setUrl('');
            showToast(t('created'));
            nameInput.current?.focus();
          },
        },
      );
      return;
    }
    // Only what changed is sent; nothing changed is nothing to save.
    const changes = { ...(name !== link.name && { name }), ...(url !== link.url && { url }) };
    if (Object.keys(changes).length === 0) return onDone?.();
    update.mutate({ id: link.id, ...changes }, { onSuccess: () => (showToast(t('saved')), onDone?.()) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    } else if (event.key === 'Escape' && link) {
      event.stopPropagation();
      onDone?.();
    }
  };

  const error = mutation.error instanceof ApiError ? mutation.error : undefined;
  return (
    <form
      className={link ? 'card link-form link-edit' : 'card link-form'}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={link ? t('editLabel', { name: link.name }) : t('translation:links.newLink')}
    >
      <TextField
        ref={nameInput}
        label={t('name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error?.fieldError('name')}
        required
        maxLength={200}
      />
      <TextField
        label={t('url')}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={error?.fieldError('url')}
        required
        inputMode="url"
        placeholder="https://"
      />
      <div className="link-form-actions">
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {link ? t('save') : t('add')}
        </Button>
        {link && <Button onClick={onDone}>{t('translation:ui.cancel')}</Button>}
      </div>
      {link && <p className="muted link-form-hint">{t('editHint')}</p>}
      {mutation.error && !error?.problem?.errors && (
        <p className="form-error" role="alert">
          {mutation.error.message}
        </p>
      )}
    </form>
  );
}
