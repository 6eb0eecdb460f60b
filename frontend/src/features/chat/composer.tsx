import type { Message } from '@panoramix/contracts';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { useTypingEmitter } from './use-typing-emitter.ts';

export type ComposerMode = { kind: 'new' } | { kind: 'reply'; to: Message } | { kind: 'edit'; message: Message };

interface ComposerProps {
  roomId: string;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  onSend: (text: string, replyTo?: string) => void;
  onEdit: (message: Message, text: string) => void;
  /** My newest message that can still be edited (↑ in an empty composer). */
  lastOwn: Message | undefined;
}

/** Enter sends, Shift+Enter breaks the line, ↑ in an empty composer edits my last message, Esc cancels. */
export function Composer({ roomId, mode, onModeChange, onSend, onEdit, lastOwn }: ComposerProps) {
  const { t } = useTranslation('chat');
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const { typing, stop } = useTypingEmitter(roomId);

  useEffect(() => {
    if (mode.kind === 'edit') setText(mode.message.text);
    if (mode.kind !== 'new') area.current?.focus();
  }, [mode]);

  const submit = () => {
    const value = text.trim();
    if (!value) return;
    stop();
    if (mode.kind === 'edit') onEdit(mode.message, value);
    else onSend(value, mode.kind === 'reply' ? mode.to.id : undefined);
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
    >
      {mode.kind !== 'new' && (
        <p className="chat-composer-mode">
          {mode.kind === 'edit' ? t('editing') : t('replyingTo', { excerpt: mode.to.text.slice(0, 80) })}
          <span className="muted"> — {t('escToCancel')}</span>
        </p>
      )}
      <div className="chat-composer-row">
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
          onBlur={stop}
        />
        <Button type="submit" variant="primary" disabled={!text.trim()}>
          {mode.kind === 'edit' ? t('save') : t('send')}
        </Button>
      </div>
    </form>
  );
}
