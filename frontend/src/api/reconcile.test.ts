import { describe, expect, it } from 'vitest';
import { buriedBy, reconcile } from './reconcile.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();
const version = (minute: number, title = 'x') => ({ id: 'a', title, updatedAt: at(minute) });

describe('reconcile', () => {
  it('keeps the cached version when an older one arrives after it (a late event after a newer answer)', () => {
    const answer = version(2, 'from my edit');
    expect(reconcile(answer, version(1, 'from an older event'))).toBe(answer);
  });

  it('takes a newer version', () => {
    const newer = version(3, 'newer');
    expect(reconcile(version(2), newer)).toBe(newer);
  });

  it('keeps what is cached when the same version arrives again (no re-render)', () => {
    const cached = version(2);
    expect(reconcile(cached, { ...cached })).toBe(cached);
  });

  it('settles two different versions of the same millisecond the same way whatever their order', () => {
    const [first, second] = [version(2, 'one tab'), version(2, 'another tab')];
    expect(reconcile(first, second)).toEqual(reconcile(second, first));
  });

  it('lets a local write (optimistic copy, rollback) replace the version it was made from, not a newer one', () => {
    const shown = version(2, 'shown');
    const optimistic = { ...shown, title: 'typed' };
    expect(reconcile(shown, optimistic, 'incoming')).toBe(optimistic);
    const newer = version(3, 'another device');
    expect(reconcile(newer, shown, 'incoming')).toBe(newer);
  });

  it('takes the incoming version when either has no updatedAt, as before', () => {
    const incoming = { id: 'a', text: 'edited' } as { id: string; text: string; updatedAt?: string };
    expect(reconcile({ id: 'a', text: 'old' }, incoming)).toBe(incoming);
    expect(reconcile(undefined, incoming)).toBe(incoming);
  });
});

describe('buriedBy', () => {
  it('covers every version up to the one known at the deletion, not a later write', () => {
    const tombstone = { updatedAt: at(2) };
    expect(buriedBy(tombstone, version(1))).toBe(true);
    expect(buriedBy(tombstone, version(2))).toBe(true);
    expect(buriedBy(tombstone, version(3))).toBe(false);
    expect(buriedBy(undefined, version(1))).toBe(false);
  });
});
