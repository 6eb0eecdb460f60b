import type { StoredFile } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/files.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { useFileSize } from '../../ui/file-size.ts';
import { useFormat } from '../../ui/format.ts';
import { Icon } from '../../ui/icon.tsx';
import { InlineEdit } from '../../ui/inline-edit.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useProjects } from '../../api/projects.ts';
import { useFileOperations } from './use-files.ts';

/** Deleting erases the bytes for everyone who reaches the file: no undo, so it is confirmed. */
function DeleteDialog({ file, onClose }: { file: StoredFile; onClose: () => void }) {
  const { t } = useTranslation('files');
  const { remove } = useFileOperations();
  const confirm = () => remove.mutate(file.id, { onSuccess: () => (showToast(t('deleted')), onClose()) });
  return (
    <ConfirmDialog
      title={t('confirmTitle', { name: file.name })}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>{t('confirmText')}</p>
    </ConfirmDialog>
  );
}

/** One file: its name renames inline, its project select moves it; chat attachments keep both. */
export function FileRow({ file, highlighted }: { file: StoredFile; highlighted: boolean }) {
  const { t } = useTranslation('files');
  const format = useFormat();
  const size = useFileSize();
  const projects = useProjects();
  const { update } = useFileOperations();
  const [confirming, setConfirming] = useState(false);
  const fail = (error: Error) => showToast(error.message, 'error');
  const save = (body: { name: string } | { projectId: string | null }, done: string) =>
    update.mutate({ id: file.id, body }, { onSuccess: () => showToast(t(done as 'renamed' | 'moved')), onError: fail });
  const attached = file.messageId !== null;
  return (
    <div className="file-row" id={`file-${file.id}`} data-highlighted={highlighted || undefined}>
      <Icon name="file" />
      <div className="file-main">
        {attached ? (
          <span className="file-name">{file.name}</span>
        ) : (
          <InlineEdit
            value={file.name}
            inputLabel={t('rename', { name: file.name })}
            hint={t('renameHint')}
            onSave={(name) => save({ name }, 'renamed')}
          />
        )}
        <span className="file-meta muted">
          {size(file.size)} · {file.mimeType} · {format.dateTime(file.createdAt)}
        </span>
      </div>
      {attached ? (
        <span className="muted file-project">{t('attachment')}</span>
      ) : (
        <select
          className="select file-project"
          aria-label={t('moveTo', { name: file.name })}
          value={file.projectId ?? ''}
          onChange={(event) => save({ projectId: event.target.value || null }, 'moved')}
        >
          <option value="">{t('noProject')}</option>
          {(projects.data?.items ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      )}
      <Button
        variant="ghost"
        icon
        aria-label={t('download', { name: file.name })}
        onClick={() => void downloadFile(file).catch(fail)}
      >
        <Icon name="download" />
      </Button>
      {!attached && (
        <Button variant="ghost" icon aria-label={t('delete', { name: file.name })} onClick={() => setConfirming(true)}>
          <Icon name="trash" />
        </Button>
      )}
      {confirming && <DeleteDialog file={file} onClose={() => setConfirming(false)} />}
    </div>
  );
}
