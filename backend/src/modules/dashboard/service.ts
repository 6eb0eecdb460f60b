import { activityWindowMs } from '@panoramix/contracts';
import type { Dashboard, DashboardSectionKey } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { readMemberProjects } from '../../sharing/access.ts';
import type { ProjectDoc } from '../projects/model.ts';

export type ActivityWindow = Dashboard['window'];

/** A project as the sections need it. */
export type DashboardProject = Pick<ProjectDoc, 'name' | 'colorLabel' | 'healthFlag' | 'lastActivityAt' | 'createdAt'> & {
  _id: Types.ObjectId;
};

/** What every section receives: who asks, when, the activity window, and the caller's projects. */
export interface DashboardContext {
  actor: AuthUser;
  now: Date;
  window: ActivityWindow;
  since: Date;
  /** In their order. Read first: the same read scopes every other section (sharing/access.ts). */
  projects: Promise<DashboardProject[]>;
}

export type DashboardSection<K extends DashboardSectionKey> = (ctx: DashboardContext) => Promise<Dashboard[K]>;
export type DashboardSections = { [K in DashboardSectionKey]: DashboardSection<K> };

/**
 * A read that several sections compute from, done once per dashboard: on FerretDB every query
 * reads the whole collection, so the sections share a few narrow reads rather than each asking.
 */
export function sharedRead<T>(read: (ctx: DashboardContext) => Promise<T>) {
  const done = new WeakMap<DashboardContext, Promise<T>>();
  return (ctx: DashboardContext): Promise<T> => {
    let result = done.get(ctx);
    if (!result) {
      result = read(ctx);
      done.set(ctx, result);
    }
    return result;
  };
}

const projectFields = { name: 1, colorLabel: 1, healthFlag: 1, lastActivityAt: 1, createdAt: 1 } as const;

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
      projects: readMemberProjects<DashboardProject>(actor, projectFields),
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
