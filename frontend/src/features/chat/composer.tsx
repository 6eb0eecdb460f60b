import type { Message } from '@panoramix/contracts';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ClipboardEvent, DragEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { useUploads } from '../../api/use-uploads.ts';
import { Button } from '../../ui/button.tsx';
import { FileInput } from '../../ui/file-input.tsx';
import { UploadList } from './attachments.tsx';
import { useTypingEmitter } from './use-typing-emitter.ts';

export type ComposerMode = { kind: 'new' } | { kind: 'reply'; to: Message } | { kind: 'edit'; message: Message };

interface ComposerProps {
  roomId: string;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  onSend: (text: string, replyTo: string | undefined, fileIds: string[]) => void;
  onEdit: (message: Message, text: string) => void;
  /** My newest message that can still be edited (↑ in an empty composer). */
  lastOwn: Message | undefined;
}

/**
 * Enter sends, Shift+Enter breaks the line, ↑ in an empty composer edits my last message, Esc cancels.
 * Files come from the button, a drop on the composer or a paste; they upload at once and go with the next message.
 */
export function Composer({ roomId, mode, onModeChange, onSend, onEdit, lastOwn }: ComposerProps) {
  const { t } = useTranslation('chat');
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const { typing, stop } = useTypingEmitter(roomId);
  const picker = useRef<HTMLInputElement>(null);
  const files = useUploads((name) => t('tooLarge', { name }));
  const editing = mode.kind === 'edit';
  const canSend = editing ? Boolean(text.trim()) : files.ready && (Boolean(text.trim()) || files.fileIds.length > 0);

  /** A file taken out before sending is deleted: it was uploaded only to go with this message. */
  const discard = (key: string) => {
    const fileId = files.uploads.find((u) => u.key === key)?.fileId;
    files.remove(key);
    // Best effort: should it fail, the file stays listed in Fichiers, where it can be deleted.
    if (fileId) call(routes.files.remove, { params: { id: fileId } }).catch(() => undefined);
  };

  // Grows with its text up to the stylesheet's max-height (then scrolls), and back to one line once sent.
  useLayoutEffect(() => {
    const box = area.current;
    if (!box) return;
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
  }, [text]);

  useEffect(() => {
    if (mode.kind === 'edit') setText(mode.message.text);
    if (mode.kind !== 'new') area.current?.focus();
  }, [mode]);

  const submit = () => {
    const value = text.trim();
    if (!canSend) return;
    stop();
    if (mode.kind === 'edit') onEdit(mode.message, value);
    else {
      onSend(value, mode.kind === 'reply' ? mode.to.id : undefined, files.fileIds);
      files.clear();
    }
    setText('');
    onModeChange({ kind: 'new' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    } else if (event.key === 'ArrowUp' && !text && lastOwn) {
      event.preventDefault();
      onModeChange({ kind: 'edit', message: lastOwn });
    } else if (event.key === 'Escape' && mode.kind !== 'new') {
      event.preventDefault();
      setText('');
      onModeChange({ kind: 'new' });
    }
  };

  return (
    <form
      className="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onDragOver={(event: DragEvent) => !editing && event.preventDefault()}
      onDrop={(event: DragEvent) => {
        if (editing || event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        files.add(event.dataTransfer.files);
      }}
    >
      {mode.kind !== 'new' && (
        <p className="chat-composer-mode">
          {mode.kind === 'edit' ? t('editing') : t('replyingTo', { excerpt: mode.to.text.slice(0, 80) })}
          <span className="muted"> — {t('escToCancel')}</span>
        </p>
      )}
      {!editing && <UploadList uploads={files.uploads} onRemove={discard} />}
      <div className="chat-composer-row">
        {!editing && (
          <>
            <FileInput ref={picker} onFiles={files.add} testId="chat-file-input" />
            <Button variant="ghost" aria-label={t('attach')} title={t('attach')} onClick={() => picker.current?.click()}>
              📎
            </Button>
          </>
        )}
        <textarea
          ref={area}
          className="input textarea chat-input"
          aria-label={t('composer')}
          placeholder={t('composerPlaceholder')}
          title={t('composerHint')}
          rows={1}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value) typing();
          }}
          onKeyDown={onKeyDown}
          onPaste={(event: ClipboardEvent) => {
            if (editing || event.clipboardData.files.length === 0) return;
            event.preventDefault();
            files.add(event.clipboardData.files);
          }}
          onBlur={stop}
        />
        <Button type="submit" variant="primary" disabled={!canSend}>
          {mode.kind === 'edit' ? t('save') : t('send')}
        </Button>
      </div>
    </form>
  );
}
