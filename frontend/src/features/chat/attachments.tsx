import type { Attachment } from '@panoramix/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileSize } from '../../ui/file-size.ts';
import { showToast } from '../../ui/toast.tsx';
import { downloadFile, fetchFileBlob } from '../../api/files.ts';
import type { Upload } from '../../api/use-uploads.ts';

/** Types the API serves as images (its inline list); SVG is not one of them and stays a download. */
const THUMBNAIL_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

/** An image fetched with the access token, shown from an object URL released on unmount. */
function Thumbnail({ file }: { file: Attachment }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const controller = new AbortController();
    let objectUrl: string | undefined;
    fetchFileBlob(file.id, controller.signal).then(
      (blob) => setUrl((objectUrl = URL.createObjectURL(blob))),
      () => undefined, // the chip below still offers the download
    );
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [file.id]);
  return url ? (
    <img className="chat-thumbnail" src={url} alt={file.name} />
  ) : (
    <span className="chat-thumbnail chat-thumbnail-loading" />
  );
}

export function Attachments({ files }: { files: readonly Attachment[] }) {
  const size = useFileSize();
  if (files.length === 0) return null;
  const save = (file: Attachment) => downloadFile(file).catch((error: Error) => showToast(error.message, 'error'));
  return (
    <ul className="chat-attachments">
      {files.map((file) => (
        <li key={file.id}>
          {THUMBNAIL_TYPES.has(file.mimeType) && <Thumbnail file={file} />}
          <button type="button" className="chat-file-chip" onClick={() => void save(file)}>
            <span className="chat-file-name">{file.name}</span> <span className="muted">{size(file.size)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The composer's files: progress while uploading, the error when refused, × to leave one out. */
export function UploadList({ uploads, onRemove }: { uploads: readonly Upload[]; onRemove: (key: string) => void }) {
  const { t } = useTranslation('chat');
  const size = useFileSize();
  if (uploads.length === 0) return null;
  return (
    <ul className="chat-uploads" aria-label={t('attachments')}>
      {uploads.map((u) => (
        <li key={u.key} className="chat-file-chip" data-state={u.error ? 'error' : u.fileId ? 'done' : 'uploading'}>
          <span className="chat-file-name">{u.name}</span>{' '}
          {u.error ? (
            <span className="chat-upload-error" role="alert">
              {u.error}
            </span>
          ) : u.fileId ? (
            <span className="muted">{size(u.size)}</span>
          ) : (
            <progress max={1} value={u.progress} aria-label={t('uploading', { name: u.name })} />
          )}
          <button
            type="button"
            className="chat-action"
            aria-label={t('removeFile', { name: u.name })}
            onClick={() => onRemove(u.key)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
