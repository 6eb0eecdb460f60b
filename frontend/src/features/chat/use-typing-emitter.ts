import { useCallback, useRef } from 'react';
import { emitLive } from '../../api/live.ts';

/** The server relays at most one start per 2 s and expires it after 5 s: sending more often is waste. */
const THROTTLE_MS = 2000;

/** `typing()` on each keystroke (throttled), `stop()` on send or blur (only if a start went out). */
export function useTypingEmitter(roomId: string) {
  const lastStart = useRef(0);
  const typing = useCallback(() => {
    if (Date.now() - lastStart.current < THROTTLE_MS) return;
    lastStart.current = Date.now();
    void emitLive('typing:start', { roomId });
  }, [roomId]);
  const stop = useCallback(() => {
    if (!lastStart.current) return;
    lastStart.current = 0;
    void emitLive('typing:stop', { roomId });
  }, [roomId]);
  return { typing, stop };
}
