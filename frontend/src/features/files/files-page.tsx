import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { useUploads } from '../../api/use-uploads.ts';
import { useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { FileInput } from '../../ui/file-input.tsx';
import { Icon } from '../../ui/icon.tsx';
import { Page } from '../../ui/page.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { PagedDataList } from '../../ui/paged-data-list.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { useProjects } from '../../api/projects.ts';
import { putFile } from './file-cache.ts';
import { FileRow } from './file-row.tsx';
import { useFiles } from './use-files.ts';
import './files.css';
import './messages.ts';

/** Files being uploaded: progress, or the server's refusal (413, 415…) until dismissed. */
function UploadProgress({ uploads, onDismiss }: ReturnType<typeof useUploads> & { onDismiss: (key: string) => void }) {
  const { t } = useTranslation('files');
  const shown = uploads.filter((u) => !u.fileId);
  if (shown.length === 0) return null;
  return (
    <ul className="file-uploads" aria-label={t('uploads')}>
      {shown.map((u) => (
        <li key={u.key} data-state={u.error ? 'error' : 'uploading'}>
          <span className="file-name">{u.name}</span>
          {u.error ? (
            <span className="form-error" role="alert">
              {u.error}
            </span>
          ) : (
            <progress max={1} value={u.progress} aria-label={t('uploading', { name: u.name })} />
          )}
          <Button variant="ghost" icon aria-label={t('dismiss', { name: u.name })} onClick={() => onDismiss(u.key)}>
            <Icon name="close" />
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** `?open=<id>` (a search hit) brings that file into the list, even one beyond the loaded pages, and scrolls to it. */
function useOpenedFile(openId: string | null) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!openId) return;
    const controller = new AbortController();
    call(routes.files.get, { params: { id: openId }, signal: controller.signal }).then(
      (file) => {
        putFile(queryClient, file);
        requestAnimationFrame(() => document.getElementById(`file-${openId}`)?.scrollIntoView({ block: 'center' }));
      },
      () => undefined, // gone or not ours: the list alone is shown
    );
    return () => controller.abort();
  }, [openId, queryClient]);
}

export default function FilesPage() {
  const { t } = useTranslation('files');
  const { t: tc } = useTranslation();
  const { search } = useLocation();
  const openId = new URLSearchParams(search).get('open');
  const [filter, setFilter] = useState('');
  const [target, setTarget] = useState('');
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const projects = useProjects();
  const files = useFiles(filter);
  const queryClient = useQueryClient();
  const uploads = useUploads((name) => t('tooLarge', { name }), {
    fields: () => (target ? { projectId: target } : {}),
    refused: (name, error) =>
      error.status === 413 ? t('tooLarge', { name }) : error.status === 415 ? t('refusedType', { name }) : undefined,
    onUploaded: (file) => {
      putFile(queryClient, file);
      showToast(t('uploaded', { name: file.name }));
    },
  });
  useOpenedFile(openId);
  useKeyShortcuts({
    c: () => picker.current?.click(),
    // The row holding the focus, else the one opened from a link (`?open=`).
    e: () => {
      const row = document.activeElement?.closest('.file-row') ?? document.querySelector('.file-row[data-highlighted]');
      row?.querySelector<HTMLButtonElement>('.inline-text')?.click();
    },
  });

  // The palette's "Upload a file" opens the picker (its keypress still counts as the user's gesture).
  useEffect(() => {
    if (new URLSearchParams(search).has('upload')) picker.current?.click();
  }, [search]);

  const projectOptions = (projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    uploads.add(event.dataTransfer.files);
  };
  return (
    <Page
      titleId="files-title"
      title={tc('files.title')}
      className="files-page"
      data-dragging={dragging || undefined}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => event.currentTarget === event.target && setDragging(false)}
      onDrop={onDrop}
    >
      <div className="card file-toolbar">
        <Button variant="primary" onClick={() => picker.current?.click()}>
          <Icon name="upload" /> {t('upload')}
        </Button>
        <FileInput ref={picker} onFiles={uploads.add} testId="file-picker" />
        <span className="muted">{dragging ? t('dropHere') : t('dropHint')}</span>
        <SelectField
          label={t('uploadTo')}
          value={target}
          options={[{ value: '', label: t('noProject') }, ...projectOptions]}
          onChange={setTarget}
        />
        <SelectField
          label={t('project')}
          value={filter}
          options={[{ value: '', label: t('allProjects') }, { value: 'none', label: t('noProject') }, ...projectOptions]}
          onChange={(project) => {
            setFilter(project);
            // Viewing a project's files, a new one most likely belongs there too.
            if (project) setTarget(project === 'none' ? '' : project);
          }}
        />
      </div>
      <UploadProgress {...uploads} onDismiss={uploads.remove} />
      <PagedDataList
        list={files}
        label={tc('files.title')}
        empty={t('empty')}
        renderItem={(file) => <FileRow file={file} highlighted={file.id === openId} />}
      />
    </Page>
  );
}
