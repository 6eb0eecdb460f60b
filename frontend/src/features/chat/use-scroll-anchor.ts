import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

const NEAR_PX = 80;

interface ScrollAnchorOptions {
  /** The oldest and newest ids shown: which end of the list grew. */
  oldestId: string | undefined;
  newestId: string | undefined;
  onTop: () => void;
}

/**
 * Chat scrolling: starts at the bottom, follows new messages while at the bottom, and keeps what
 * the reader sees in place when an older page is added above (its height is added to scrollTop).
 */
export function useScrollAnchor({ oldestId, newestId, onTop }: ScrollAnchorOptions) {
  const ref = useRef<HTMLDivElement>(null);
  const [atBottom, setAtBottom] = useState(true);
  const before = useRef({ height: 0, top: 0, oldestId, newestId, atBottom: true });

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_PX;
    setAtBottom(bottom);
    before.current = { ...before.current, height: el.scrollHeight, top: el.scrollTop, atBottom: bottom };
    if (el.scrollTop < NEAR_PX) onTop();
  }, [onTop]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const previous = before.current;
    if (previous.atBottom) el.scrollTop = el.scrollHeight;
    else if (oldestId !== previous.oldestId && newestId === previous.newestId)
      el.scrollTop = previous.top + el.scrollHeight - previous.height;
    before.current = { height: el.scrollHeight, top: el.scrollTop, oldestId, newestId, atBottom: previous.atBottom };
  }, [oldestId, newestId]);

  // A short first page does not scroll: fetch older ones until it does (or there are none).
  useEffect(() => {
    const el = ref.current;
    if (el && el.scrollHeight <= el.clientHeight) onTop();
  }, [oldestId, onTop]);

  return { ref, onScroll, atBottom };
}
