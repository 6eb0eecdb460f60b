import type { JournalEntry } from '@panoramix/contracts';
import { entityBase } from '../../test-builders.ts';

/** A journal entry with defaults; tests override what they check. */
export function anEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  const { n, ...base } = entityBase();
  return { ...base, content: `ligne ${n}`, ...overrides };
}
