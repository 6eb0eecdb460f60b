import { describe, expect, it } from 'vitest';
import { healthScore } from '@panoramix/contracts';

describe('health score', () => {
  it('follows Panorama: −8 per overdue task, −20 when dormant, +2 per recent note up to 20, within 0..100', () => {
    expect(healthScore(0, false, 0)).toBe(100);
    expect(healthScore(2, false, 0)).toBe(84);
    expect(healthScore(0, true, 3)).toBe(86);
    expect(healthScore(20, true, 0)).toBe(0);
    expect(healthScore(1, false, 50)).toBe(100);
  });
});
