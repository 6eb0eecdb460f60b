import { describe, expect, it } from 'vitest';
import { backoffSeconds } from './rate-limit.ts';

describe('per-username back-off', () => {
  it('waits nothing before the free failures, then doubles from 1 s up to the cap', () => {
    const waits = Array.from({ length: 20 }, (_, i) => backoffSeconds(i + 1, 10, 120));
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 120, 120, 120, 120]);
  });

  it('keeps a determined guesser under 100 failures per hour per account with the defaults (ASVS 2.2.1)', () => {
    // The best an attacker with unlimited addresses can do: fail as soon as each wait ends;
    // the count starts afresh each 15-minute window.
    let failures = 0;
    for (let window = 0; window < 4; window++) {
      let elapsed = 0;
      for (let n = 1; elapsed < 900; n++) {
        failures++;
        elapsed += backoffSeconds(n, 10, 120);
      }
    }
    expect(failures).toBeLessThan(100);
  });
});
