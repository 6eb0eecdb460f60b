import type * as Contracts from '@panoramix/contracts';
import MagicString from 'magic-string';
import { parseSync, runnerImport, Visitor } from 'vite';
import type { ESTree, Plugin } from 'vite';

export const CONTRACTS_MODULE = 'virtual:panoramix/contracts';
const resolvedId = `\0${CONTRACTS_MODULE}`;
const ROUTE_GROUP = 'virtual:panoramix/routes/';

/** The module holding one group of the route table (`tasks`, `auth`…). */
export const isRouteGroup = (id: string) => id.startsWith(`\0${ROUTE_GROUP}`);

/** The module holding one group of the route table. */
export const routeGroupId = (group: string) => `\0${ROUTE_GROUP}${group}`;

/** A module's import of `routes` and the groups it reads (`routes.tasks.list` → tasks), if it imports them. */
function routesImport(code: string, id: string) {
  if (!code.includes(CONTRACTS_MODULE)) return undefined;
  const { program } = parseSync(id, code);
  const declaration = program.body.find(
    (node): node is ESTree.ImportDeclaration => node.type === 'ImportDeclaration' && node.source.value === CONTRACTS_MODULE,
  );
  const specifiers = (declaration?.specifiers ?? []).filter((s) => s.type === 'ImportSpecifier');
  if (!declaration || !specifiers.some((s) => s.local.name === 'routes')) return undefined;
  const groups = new Set<string>();
  const asMemberObject = new Set<ESTree.Node>();
  let otherUses = 0;
  new Visitor({
    MemberExpression(node) {
      if (node.object.type === 'Identifier' && node.object.name === 'routes' && node.property.type === 'Identifier') {
        asMemberObject.add(node.object);
        if (!node.computed) groups.add(node.property.name);
      }
    },
    Identifier(node) {
      const inImport = node.start >= declaration.start && node.end <= declaration.end;
      if (node.name === 'routes' && !inImport && !asMemberObject.has(node)) otherUses++;
    },
  }).visit(program);
  if (otherUses > 0) throw new Error(`${id}: \`routes\` is used other than as routes.<group>`);
  return { declaration, specifiers, groups: [...groups] };
}

/** The ids of the route group modules a source file reads. */
export const routeGroupsRead = (code: string, id: string) => (routesImport(code, id)?.groups ?? []).map(routeGroupId);

/**
 * Gives each module only the route groups it names. Imported whole, the route table sat in the
 * first load with every tab's routes (1.2 KB gzip with twelve tabs, growing with each new one);
 * a group module loads with the first chunk that uses it. `import { routes }` becomes a local
 * `routes` object of the groups the file reads (`routes.tasks.list` keeps working); a file that
 * uses `routes` other than as `routes.<group>` fails the build rather than miss a group.
 */
function splitRoutesImport(code: string, id: string) {
  const found = routesImport(code, id);
  if (!found) return undefined;
  const { declaration, specifiers, groups } = found;
  const others = specifiers.filter((s) => s.local.name !== 'routes').map((s) => code.slice(s.start, s.end));
  const replacement = [
    ...(others.length ? [`import { ${others.join(', ')} } from '${CONTRACTS_MODULE}';`] : []),
    ...groups.map((group) => `import routes$${group} from '${ROUTE_GROUP}${group}';`),
    `const routes = { ${groups.map((group) => `${group}: routes$${group}`).join(', ')} };`,
  ].join(' ');
  const output = new MagicString(code).overwrite(declaration.start, declaration.end, replacement);
  return { code: output.toString(), map: output.generateMap({ hires: true, source: id }) };
}

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
    resolveId: (id) => (id === CONTRACTS_MODULE || id.startsWith(ROUTE_GROUP) ? `\0${id}` : undefined),
    transform: (code, id) => (id.includes('/node_modules/') ? undefined : splitRoutesImport(code, id)),
    async load(id) {
      if (id !== resolvedId && !isRouteGroup(id)) return undefined;
      // The contracts are TypeScript source: Vite's module runner transpiles them for Node.
      const { module: contracts } = await runnerImport<typeof Contracts>('@panoramix/contracts', { configFile: false });
      if (isRouteGroup(id)) {
        const group = id.slice(`\0${ROUTE_GROUP}`.length) as keyof typeof contracts.routes;
        const table = routeTable(contracts.routes);
        if (!(group in table)) throw new Error(`contracts: no route group '${group}'`);
        return `export default ${JSON.stringify(table[group])};`;
      }
      const {
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
        budgetLineSorts,
        budgetDepartments,
      } = contracts;
      const data = {
        ...{ themes, languages, densities, defaultPreferences },
        ...{ taskStatuses, healthFlags, activityWindows, reactionEmojis, searchKinds, snoozeMinutes },
        ...{ budgetLineSorts, budgetDepartments },
      };
      return Object.entries(data)
        .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
        .join('\n');
    },
  };
}
