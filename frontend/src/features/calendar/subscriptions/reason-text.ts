import { useTranslation } from 'react-i18next';
import { fr } from './messages-fr.ts';

type Reason = keyof typeof fr.reasons;
const isReason = (reason: string): reason is Reason => reason in fr.reasons;

/** Why a fetch or an address was refused, in the user's language (the server's words name the reason). */
export function useReasonText() {
  const { t } = useTranslation('calendarSubscriptions');
  return (reason: string, message: string) =>
    isReason(reason) ? t(`reasons.${reason}`, { status: /answered (\d+)/.exec(message)?.[1] ?? '?' }) : message;
}
