/** Types of the build-time module served by vite/contracts-plugin.ts, derived from the contracts. */
declare module 'virtual:panoramix/contracts' {
  import type * as contracts from '@panoramix/contracts';

  /** The runtime half of a route contract; `contract` exists only for type inference. */
  export interface RouteRef<R extends contracts.RouteContract = contracts.RouteContract> {
    readonly method: R['method'];
    readonly path: R['path'];
    readonly access: R['access'];
    readonly status: number;
    readonly upload: R['upload'];
    readonly contract?: R;
  }

  type RouteTable<T> = {
    readonly [G in keyof T]: {
      readonly [K in keyof T[G]]: T[G][K] extends contracts.RouteContract ? RouteRef<T[G][K]> : never;
    };
  };

  export const routes: RouteTable<typeof contracts.routes>;
  export const themes: typeof contracts.themes;
  export const languages: typeof contracts.languages;
  export const densities: typeof contracts.densities;
  export const defaultPreferences: contracts.Preferences;
  export const taskStatuses: typeof contracts.taskStatuses;
  export const healthFlags: typeof contracts.healthFlags;
  export const activityWindows: typeof contracts.activityWindows;
  export const reactionEmojis: typeof contracts.reactionEmojis;
  export const searchKinds: typeof contracts.searchKinds;
  export const snoozeMinutes: typeof contracts.snoozeMinutes;
  export const budgetLineSorts: typeof contracts.budgetLineSorts;
  export const budgetDepartments: typeof contracts.budgetDepartments;
}
