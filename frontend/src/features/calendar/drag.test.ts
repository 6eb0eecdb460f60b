import { describe, expect, it } from 'vitest';
import { MINUTE, wallOfDay } from './calendar-time.ts';
import { movedBy, resizedBy, slotOfDrag } from './drag.ts';

const hour = 48; // pixels an hour is drawn tall

describe('drag-to-create maths', () => {
  it('a drag from 9:05 to 10:20 marks 9:00–10:30 (quarter hours it touched)', () => {
    expect(slotOfDrag(9 * hour + 4, 10 * hour + 16, hour)).toEqual({ start: 9 * 60, end: 10 * 60 + 30 });
  });

  it('a drag upwards marks the same slot as downwards', () => {
    expect(slotOfDrag(10 * hour + 16, 9 * hour + 4, hour)).toEqual(slotOfDrag(9 * hour + 4, 10 * hour + 16, hour));
  });

  it('a click marks the hour from the quarter clicked, kept inside the day', () => {
    expect(slotOfDrag(14 * hour + 20, 14 * hour + 21, hour)).toEqual({ start: 14 * 60 + 15, end: 15 * 60 + 15 });
    expect(slotOfDrag(23.9 * hour, 23.9 * hour, hour)).toEqual({ start: 23 * 60, end: 24 * 60 });
  });

  it('a drag past the column ends at midnight', () => {
    expect(slotOfDrag(22 * hour, 30 * hour, hour)).toEqual({ start: 22 * 60, end: 24 * 60 });
  });
});

describe('moving and resizing by drag', () => {
  const start = wallOfDay('2026-03-25') + 9 * 60 * MINUTE;
  const end = start + 60 * MINUTE;

  it('moves both ends by whole quarter hours and columns, keeping the length', () => {
    const moved = movedBy(start, end, 0.6 * hour, 2, hour); // 36 minutes down: a half hour; two days right
    expect(moved.start - start).toBe((30 + 2 * 24 * 60) * MINUTE);
    expect(moved.end - moved.start).toBe(60 * MINUTE);
  });

  it('resizes the end by quarters and never to less than a quarter', () => {
    expect(resizedBy(start, end, hour / 2, hour) - end).toBe(30 * MINUTE);
    expect(resizedBy(start, end, -5 * hour, hour)).toBe(start + 15 * MINUTE);
  });
});
