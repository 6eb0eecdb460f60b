import type { JournalEntry } from '@panoramix/contracts';

export interface HourGroup {
  /** `HH` in the zone, 00 to 23. */
  hour: string;
  entries: JournalEntry[];
}

export interface DayGroup {
  /** `YYYY-MM-DD` in the zone. */
  day: string;
  /** Any entry's time, to write the day's name. */
  at: string;
  hours: HourGroup[];
}

/** Every zone's offset is a multiple of a quarter hour: instants in one quarter share their local day and hour. */
const QUARTER_MS = 900_000;

/**
 * Entries (newest first, as listed) grouped by day then hour in `timeZone` (the device's when
 * undefined), keeping their order. One Intl call per quarter hour met, not per entry: 10,000 entries
 * written over a few weeks cost a few hundred (bench/src/journal.bench.ts).
 */
export function groupByDayAndHour(entries: readonly JournalEntry[], timeZone?: string): DayGroup[] {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const slots = new Map<number, { day: string; hour: string }>();
  const slotOf = (at: string) => {
    const quarter = Math.floor(Date.parse(at) / QUARTER_MS);
    let slot = slots.get(quarter);
    if (!slot) {
      const parts = Object.fromEntries(format.formatToParts(quarter * QUARTER_MS).map((p) => [p.type, p.value]));
      slot = { day: `${parts.year}-${parts.month}-${parts.day}`, hour: parts.hour! };
      slots.set(quarter, slot);
    }
    return slot;
  };
  const days: DayGroup[] = [];
  for (const entry of entries) {
    const { day, hour } = slotOf(entry.createdAt);
    let dayGroup = days.at(-1);
    if (dayGroup?.day !== day) days.push((dayGroup = { day, at: entry.createdAt, hours: [] }));
    let hourGroup = dayGroup.hours.at(-1);
    if (hourGroup?.hour !== hour) dayGroup.hours.push((hourGroup = { hour, entries: [] }));
    hourGroup.entries.push(entry);
  }
  return days;
}
