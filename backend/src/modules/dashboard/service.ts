import { activityWindowMs } from '@panoramix/contracts';
import type { Dashboard, DashboardSectionKey } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';

export type ActivityWindow = Dashboard['window'];

/** What every section receives: who asks, when, and the activity window. */
export interface DashboardContext {
  actor: AuthUser;
  now: Date;
  window: ActivityWindow;
  since: Date;
}

export type DashboardSection<K extends DashboardSectionKey> = (ctx: DashboardContext) => Promise<Dashboard[K]>;
export type DashboardSections = { [K in DashboardSectionKey]: DashboardSection<K> };

/**
 * The Accueil overview in one call. Each feature contributes sections (registered in
 * services.ts); they run in parallel over the same context.
 */
export function createDashboardService(sections: DashboardSections) {
  async function get(actor: AuthUser, query: { window: ActivityWindow }): Promise<Dashboard> {
    const now = new Date();
    const ctx: DashboardContext = {
      actor,
      now,
      window: query.window,
      since: new Date(now.getTime() - activityWindowMs[query.window]),
    };
    const keys = Object.keys(sections) as DashboardSectionKey[];
    const values = await Promise.all(keys.map((key) => sections[key](ctx)));
    return {
      generatedAt: now.toISOString(),
      window: query.window,
      ...Object.fromEntries(keys.map((key, i) => [key, values[i]])),
    } as Dashboard;
  }
  return { get };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
