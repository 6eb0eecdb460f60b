import { useSession } from './session-store.ts';

/** The signed-in user's id (the shell renders only while signed in; '' otherwise). */
export function useCurrentUserId(): string {
  const session = useSession();
  return session.phase === 'signed-in' ? session.user.id : '';
}
