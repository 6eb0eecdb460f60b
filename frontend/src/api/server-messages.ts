import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allRoutes } from '@panoramix/contracts';

// Test support only (problem-text.test.ts): it reads the contracts' schemas and the backend's sources.

interface Checkable {
  _zod?: { def?: Record<string, unknown> & { error?: unknown; checks?: readonly Checkable[] } };
}

/** The text of a schema's or a check's own message (`.min(1, 'must not be empty')`), if it has one. */
function ownMessage(node: Checkable): string | undefined {
  const error = node._zod?.def?.error;
  if (typeof error !== 'function') return undefined;
  try {
    const text: unknown = (error as (issue: object) => unknown)({});
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined; // a message built from the issue itself has no fixed text
  }
}

const children = ['element', 'innerType', 'in', 'out', 'valueType', 'keyType', 'left', 'right', 'schema'] as const;

/** Every custom message the contracts' route inputs (params, query, body) can answer, walking each schema once. */
export function contractFieldMessages(): Set<string> {
  const seen = new Set<unknown>();
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as Checkable)._zod?.def;
    if (!def) return;
    for (const item of [node as Checkable, ...(def.checks ?? [])]) {
      const text = ownMessage(item);
      if (text) found.add(text);
    }
    Object.values((def.shape as Record<string, unknown> | undefined) ?? {}).forEach(walk);
    children.forEach((key) => walk(def[key]));
    [...((def.options as unknown[] | undefined) ?? []), ...((def.items as unknown[] | undefined) ?? [])].forEach(walk);
  };
  for (const route of allRoutes) [route.params, route.query, route.body].forEach(walk);
  return found;
}

const backendRoot = path.join(import.meta.dirname, '../../../backend/src');
// The server's own configuration and command line speak to the operator, not to the web client.
const operatorOnly = /^(?:config\.ts|cli\/)/;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sources(full);
    // Test support (`test-*.ts` builders) writes sample data, not messages.
    const code = entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.startsWith('test-');
    return code ? [full] : [];
  });
}

/**
 * The field messages the backend writes itself (`{ path, message: 'no such user' }`,
 * `invalid('cannot be yourself')`); `${…}` parts become a sample id.
 */
export function backendFieldMessages(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(backendRoot)) {
    if (operatorOnly.test(path.relative(backendRoot, file).replaceAll(path.sep, '/'))) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:\bmessage: |\binvalid\()(['`])((?:(?!\1).)+)\1/g)) {
      found.add((match[2] ?? '').replace(/\$\{[^}]*\}/g, '665f1c2e9b1e8a0012345678'));
    }
  }
  return found;
}
