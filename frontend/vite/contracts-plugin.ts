import type * as Contracts from '@panoramix/contracts';
import { runnerImport } from 'vite';
import type { Plugin } from 'vite';

export const CONTRACTS_MODULE = 'virtual:panoramix/contracts';
const resolvedId = `\0${CONTRACTS_MODULE}`;

/** Keeps what a request needs: method, path, access, the success status and an upload's field and limit. */
function routeTable(routes: typeof Contracts.routes) {
  return Object.fromEntries(
    Object.entries(routes).map(([group, members]) => [
      group,
      Object.fromEntries(
        Object.entries(members).map(([name, route]) => [
          name,
          {
            method: route.method,
            path: route.path,
            access: route.access,
            status: route.status ?? 200,
            ...('upload' in route ? { upload: route.upload } : {}),
          },
        ]),
      ),
    ]),
  );
}

/**
 * The browser needs the contracts' route table and a few constants, not their Zod schemas:
 * bundling Zod would cost about 95 KB gzip, the whole initial budget. This plugin evaluates the
 * contracts at build time and serves their plain data as a virtual module; its types still come
 * from `@panoramix/contracts` (src/api/contracts.d.ts), so no shape is restated by hand.
 */
export function contractsPlugin(): Plugin {
  return {
    name: 'panoramix-contracts',
    resolveId: (id) => (id === CONTRACTS_MODULE ? resolvedId : undefined),
    async load(id) {
      if (id !== resolvedId) return undefined;
      // The contracts are TypeScript source: Vite's module runner transpiles them for Node.
      const { module: contracts } = await runnerImport<typeof Contracts>('@panoramix/contracts', { configFile: false });
      const {
        routes,
        themes,
        languages,
        densities,
        defaultPreferences,
        taskStatuses,
        healthFlags,
        activityWindows,
        reactionEmojis,
        searchKinds,
        snoozeMinutes,
      } = contracts;
      const data = {
        routes: routeTable(routes),
        ...{ themes, languages, densities, defaultPreferences },
        ...{ taskStatuses, healthFlags, activityWindows, reactionEmojis, searchKinds, snoozeMinutes },
      };
      return Object.entries(data)
        .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
        .join('\n');
    },
  };
}
