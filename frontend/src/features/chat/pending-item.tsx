import { useTranslation } from 'react-i18next';
import type { PendingMessage } from './chat-state.ts';
import { MessageText } from './message-text.tsx';

const noMentions: ReadonlySet<string> = new Set();

/** My message on its way: shown at once, with a retry (same clientId) if it failed. */
export function PendingItem({ pending, onRetry }: { pending: PendingMessage; onRetry: (p: PendingMessage) => void }) {
  const { t } = useTranslation('chat');
  return (
    <li className="chat-message chat-pending" data-mine="true" data-failed={pending.failed}>
      <MessageText text={pending.text} usernames={noMentions} />
      <p className="chat-seen" role={pending.failed ? 'alert' : 'status'}>
        {pending.failed ? t('sendFailed') : t('sending')}
        {pending.failed && (
          <button type="button" className="chat-action" onClick={() => onRetry(pending)}>
            {t('retry')}
          </button>
        )}
      </p>
    </li>
  );
}
