import { describe, expect, it } from 'vitest';
import { routes } from 'virtual:panoramix/contracts';
import { routeUrl } from '@panoramix/contracts/route-url';
import { EARLY_DASHBOARD_URL } from '../../api/early-start.ts';
import { DEFAULT_WINDOW } from './use-dashboard.ts';

describe('the early start', () => {
  it('asks Accueil’s overview exactly as its first paint does, or the answer would go unused', () => {
    expect(EARLY_DASHBOARD_URL).toBe(routeUrl(routes.dashboard.get.path, undefined, { window: DEFAULT_WINDOW }));
  });
});
