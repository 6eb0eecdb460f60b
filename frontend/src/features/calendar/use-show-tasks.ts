import { useState } from 'react';
import { useCurrentUserId } from '../../app/auth/current-user.ts';

const keyOf = (userId: string) => `pnx.calendarTasks.${userId}`;

/** Whether the calendar shows tasks and alarms: off until turned on, then remembered per user on this device. */
export function useShowTasks(): [boolean, (show: boolean) => void] {
  const me = useCurrentUserId();
  const [show, setShow] = useState(() => localStorage.getItem(keyOf(me)) === 'true');
  const choose = (next: boolean) => {
    localStorage.setItem(keyOf(me), String(next));
    setShow(next);
  };
  return [show, choose];
}
