import { describe, expect, it } from 'vitest';
import type { HttpError } from '../../http/problem.ts';
import { OVERLAP_MS, RETENTION_MS, changesFrom, versionAt } from './version.ts';

const now = Date.parse('2026-12-01T12:00:00Z');
const statusOf = (since: string) => {
  try {
    changesFrom(since, now);
    return 200;
  } catch (error) {
    return (error as HttpError).status;
  }
};

describe('sync versions', () => {
  it('reads changes from a little before the version, for writes stamped earlier and stored later', () => {
    expect(changesFrom(versionAt(now - 60_000), now)).toEqual(new Date(now - 60_000 - OVERLAP_MS));
  });

  it('orders as the instants they name', () => {
    expect(versionAt(now + 1) > versionAt(now)).toBe(true);
  });

  it('refuses with 410 a version whose tombstones may be purged, and keeps one just inside the window', () => {
    expect(statusOf(versionAt(now - RETENTION_MS))).toBe(410);
    expect(statusOf(versionAt(now - RETENTION_MS + OVERLAP_MS + 1000))).toBe(200);
  });

  it('refuses with 400 what no server gave: other characters, too long, far ahead of the clock', () => {
    expect(statusOf('A1')).toBe(400);
    expect(statusOf('1'.repeat(12))).toBe(400);
    expect(statusOf(versionAt(now + 2 * 3_600_000))).toBe(400);
    expect(statusOf(versionAt(now + 5000))).toBe(200); // another instance's clock a little ahead
  });
});
