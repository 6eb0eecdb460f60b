import { DAY, MINUTE } from './calendar-time.ts';
import type { Wall } from './calendar-time.ts';

/** Drags snap to quarter hours. */
export const SNAP = 15;
const DAY_MINUTES = DAY / MINUTE;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** The minute of the day under a point `y` pixels down a day column whose hours are `hourHeight` tall. */
export const minuteAt = (y: number, hourHeight: number) => clamp((y / hourHeight) * 60, 0, DAY_MINUTES);

/** A pixel distance as a whole number of quarter hours, in minutes. */
export const snappedMinutes = (dy: number, hourHeight: number) => Math.round((dy / hourHeight) * 4) * SNAP;

/**
 * The slot a drag down (or up) a day column marks, in minutes of that day: from the quarter hour
 * it started in to the one it ended in. A click, or a drag shorter than a quarter, marks the hour
 * from the quarter clicked (kept inside the day).
 */
export function slotOfDrag(fromY: number, toY: number, hourHeight: number): { start: number; end: number } {
  const low = minuteAt(Math.min(fromY, toY), hourHeight);
  const high = minuteAt(Math.max(fromY, toY), hourHeight);
  const start = Math.floor(low / SNAP) * SNAP;
  if (high - low < SNAP) {
    const clicked = Math.min(start, DAY_MINUTES - 60);
    return { start: clicked, end: clicked + 60 };
  }
  return { start: Math.min(start, DAY_MINUTES - SNAP), end: Math.max(Math.ceil(high / SNAP) * SNAP, start + SNAP) };
}

/** An item moved by a drag of `dy` pixels and `days` columns: both ends shift by the same snapped time. */
export function movedBy(start: Wall, end: Wall, dy: number, days: number, hourHeight: number): { start: Wall; end: Wall } {
  const shift = (snappedMinutes(dy, hourHeight) + days * DAY_MINUTES) * MINUTE;
  return { start: start + shift, end: end + shift };
}

/** An item's end dragged by its bottom edge `dy` pixels: snapped, and never before a quarter after its start. */
export function resizedBy(start: Wall, end: Wall, dy: number, hourHeight: number): Wall {
  return Math.max(start + SNAP * MINUTE, end + snappedMinutes(dy, hourHeight) * MINUTE);
}
