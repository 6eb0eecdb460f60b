import type { IncomingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { allRoutes, routes } from '@panoramix/contracts';
import { openApiPath } from '@panoramix/contracts/openapi';
import type { RouteContract } from '@panoramix/contracts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyPng, unique, uploadFile, useTestApp } from './harness.ts';
import type { ApiResponse, TestUser } from './harness.ts';

/**
 * The OpenAPI document against the running server: for every documented route, a request built
 * from the document's own schemas (valid where it can be, with ids of seeded data) and a few invalid
 * ones; each answer's status must be documented for the operation, and its body must match the
 * documented schema. The Android client is generated from this document, so a mismatch is a bug.
 */

type Schema = Record<string, any>;
interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

const ctx = useTestApp();
const unknownId = 'ffffffffffffffffffffffff';

let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
let admin: TestUser;
let other: TestUser;
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
for (const format of ['binary', 'email', 'uri', 'url']) ajv.addFormat(format, true);
const validators = new Map<Schema, ValidateFunction>();

/** Ids of what the valid requests created, by resource (`tasks`, `note-sessions`…). */
const seeded: Record<string, string> = {};
const mismatches: string[] = [];

const resolve = (schema: Schema): Schema =>
  typeof schema.$ref === 'string' ? resolve(doc.components.schemas[schema.$ref.split('/').pop()!]!) : schema;

function validator(schema: Schema) {
  let validate = validators.get(schema);
  if (!validate) {
    const withRefs = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', '"https://panoramix.invalid/openapi#/components/'),
    );
    validate = ajv.compile(withRefs);
    validators.set(schema, validate);
  }
  return validate;
}

/** The seeded id a field name points at: `projectId` → a project, `memberIds` → users… */
function idFor(name: string, route: RouteContract): string {
  const resource = route.path.split('/')[2]!;
  if (name === 'id' || name === 'ids') return seeded[resource] ?? unknownId;
  const stem = name.replace(/Ids?$/, '');
  const key = { session: 'note-sessions', user: 'users', member: 'users' }[stem] ?? `${stem}s`;
  return seeded[key] ?? unknownId;
}

/** An object that also demands one of several shapes (`anyOf` beside `type`): the first shape's fields merged in. */
function withFirstBranch(schema: Schema): Schema {
  const branch = schema.type === 'object' ? (schema.anyOf?.[0] as Schema | undefined) : undefined;
  if (!branch) return schema;
  const properties = { ...schema.properties };
  for (const [key, extra] of Object.entries(branch.properties ?? {}))
    properties[key] = { ...properties[key], ...(extra as Schema) };
  const { anyOf: _alternatives, ...rest } = schema;
  return { ...rest, properties, required: [...(schema.required ?? []), ...(branch.required ?? [])] };
}

/** A value the schema accepts, as plain as can be; fields the server needs to find are seeded ids. */
function sample(input: Schema, name: string, route: RouteContract): unknown {
  if (typeof input !== 'object') return 'x';
  const schema = withFirstBranch(resolve(input));
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (options) return sample(options.find((o) => resolve(o).type !== 'null') ?? options[0]!, name, route);
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined && validator(schema)(schema.default)) return schema.default;
  switch (schema.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      const keys: string[] = schema.required ?? [];
      // "at least one field" (minProperties): the first one
      const wanted = keys.length >= (schema.minProperties ?? 0) ? keys : Object.keys(schema.properties ?? {}).slice(0, 1);
      for (const key of wanted) value[key] = sample(schema.properties[key], key, route);
      return value;
    }
    case 'array':
      if (schema.prefixItems) return schema.prefixItems.map((item: Schema) => sample(item, name, route));
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}, name.replace(/s$/, ''), route));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1;
    case 'boolean':
      return false;
    case 'string': {
      if (/\{24\}/.test(schema.pattern ?? '')) return idFor(name, route);
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      if (schema.format === 'uri' || name === 'url') return 'https://example.org/';
      if (name === 'timeZone') return 'Europe/Paris'; // an IANA zone, a rule the JSON schema cannot say
      if (name === 'username') return route.path.match(/register|users$/) ? unique('conf') : other.username;
      if (/password/i.test(name)) return admin.password;
      const pattern = new RegExp(schema.pattern ?? '', 'u');
      const text = ['conformance text', `conformance-${Date.now()}`, 'https://example.org/'].find((t) => pattern.test(t)) ?? 'x';
      return text.padEnd(schema.minLength ?? 0, 'x');
    }
  }
  return 'x';
}

/** Checks one answer against the operation's documented responses; records what does not match. */
function check(route: RouteContract, label: string, res: ApiResponse) {
  const where = `${route.method.toUpperCase()} ${route.path} (${label}) → ${res.status}`;
  const documented = doc.paths[openApiPath(route.path)]![route.method]!.responses[String(res.status)];
  if (!documented) return void mismatches.push(`${where}: status not documented`);
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
  if (!documented.content) {
    if (res.body !== '') mismatches.push(`${where}: documented without a body, answered ${type}`);
    return;
  }
  const content = documented.content[type] ?? documented.content['*/*'];
  if (!content) return void mismatches.push(`${where}: ${type} not documented (${Object.keys(documented.content)})`);
  if (!type.includes('json')) return;
  const validate = validator(content.schema);
  if (!validate(res.body)) mismatches.push(`${where}: body ${ajv.errorsText(validate.errors)}`);
}

interface Probe {
  user?: TestUser;
  params?: string;
  query?: Record<string, string>;
  body?: unknown;
}

/** Whether the document accepts the request: then the server must not refuse it as invalid. */
function conforms(operation: Operation, probe: Probe, params: Record<string, string>) {
  if (probe.params !== undefined && !/^[a-f\d]{24}$/.test(probe.params)) return false;
  // A path parameter filled with an id where the document asks for a name (`:kind`, `:file`).
  const pathParam = (name: string) => operation.parameters?.find((p) => p.in === 'path' && p.name === name);
  if (!Object.entries(params).every(([name, value]) => !pathParam(name) || validator(pathParam(name)!.schema)(value))) {
    return false;
  }
  const body = operation.requestBody?.content['application/json']?.schema;
  if (body && (probe.body === undefined ? operation.requestBody?.required : !validator(body)(probe.body))) return false;
  return Object.entries(probe.query ?? {}).every(([name, value]) => {
    const param = operation.parameters?.find((p) => p.in === 'query' && p.name === name);
    return param !== undefined && validator(param.schema)(value);
  });
}

/**
 * A refusal the document should have foreseen: a rule of the server's schemas (its issues carry a
 * code) or a cursor. Refusing an id that names nothing (`body.projectId: no such project`) is not a
 * shape a schema can describe.
 */
const refusedBySchema = (problem: { errors?: { path: string; code?: string }[] }) =>
  (problem.errors ?? []).some((e) => zodIssueCodes.has(e.code ?? '') || e.path === 'query.cursor');
// Zod's issue codes: another code is the server's own verdict (the outbound guard's `unresolvable`).
const zodIssueCodes = new Set([
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
]);

async function request(route: RouteContract, label: string, probe: Probe) {
  const operation = doc.paths[openApiPath(route.path)]![route.method]!;
  const fill = (param: string) => probe.params ?? (param === 'userId' ? seeded.users! : idFor(param, route));
  const params: Record<string, string> = {};
  const url = route.path.replace(/:(\w+)/g, (_, param: string) => (params[param] = fill(param)));
  const query = new URLSearchParams(probe.query);
  for (const p of operation.parameters ?? []) {
    if (p.in === 'query' && p.required && !query.has(p.name)) query.set(p.name, String(sample(p.schema, p.name, route)));
  }
  const client = probe.user ? probe.user.api : ctx.app.client();
  const res = await client.request(route.method.toUpperCase(), query.size ? `${url}?${query}` : url, probe.body);
  check(route, label, res);
  if (res.status === 400 && refusedBySchema(res.body) && conforms(operation, probe, params)) {
    const detail = String(res.body.detail);
    mismatches.push(
      `${route.method.toUpperCase()} ${route.path} (${label}): the document accepts it, the server refused it: ${detail}`,
    );
  }
  return res;
}

const requestSchema = (route: RouteContract) => {
  const content = doc.paths[openApiPath(route.path)]![route.method]!.requestBody?.content['application/json'];
  return content ? resolve(content.schema) : undefined;
};

function validBody(route: RouteContract) {
  const schema = requestSchema(route);
  return schema ? sample(schema, 'body', route) : undefined;
}

async function sendValid(route: RouteContract) {
  if (route.upload) {
    const file =
      route.path === '/api/budget/imports'
        ? { name: 'bank.csv', bytes: 'Date;Libellé;Montant\n03/11/2026;OVH;-12,50\n', type: 'text/csv' }
        : { name: 'dot.png', bytes: tinyPng, type: 'image/png' };
    const res = await uploadFile(admin, file, {}, route.path);
    check(route, 'valid upload', res);
    if (res.status === 201) seeded[route.path.split('/').pop()!] = res.body.id;
    return;
  }
  const res = await request(route, 'valid', { user: admin, body: validBody(route) });
  const created = route.path.split('/').pop()!;
  if (res.status === 201 && typeof res.body?.id === 'string' && !created.startsWith(':')) seeded[created] = res.body.id;
}

/** fetch refuses to send TRACE: node's own client does. */
function rawRequest(method: string, url: string, token?: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: unknown }>((done, fail) => {
    const headers = token ? { authorization: `Bearer ${token}` } : {};
    const req = httpRequest(`${ctx.app.baseUrl}${url}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: the check on the content type reports it
        }
        done({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

/** Last: these remove the seeded data or end the sessions the other requests use. */
const signsOut = (route: RouteContract) => /\/auth\/(password|logout)$/.test(route.path);
const destructive = (route: RouteContract) => route.method === 'delete' || signsOut(route);

describe('the OpenAPI document describes what the server answers', () => {
  beforeAll(async () => {
    admin = await ctx.app.newUser(); // the first account: an administrator
    other = await ctx.app.newUser();
    seeded.users = other.id;
    doc = (await ctx.app.client().get('/api/openapi.json')).body;
    ajv.addSchema({ $id: 'https://panoramix.invalid/openapi', components: doc.components });
  });

  it('every documented route, valid and invalid requests, answers a documented status with a documented body', async () => {
    const ordered = [
      ...allRoutes.filter((r) => !destructive(r)),
      ...allRoutes.filter((r) => r.method === 'delete').reverse(), // children before their parents
      ...allRoutes.filter(signsOut),
    ];
    for (const route of ordered.filter((r) => !destructive(r))) {
      if (route.access !== 'public') await request(route, 'no token', {});
      if (route.params) {
        await request(route, 'malformed id', { user: other, params: 'not-an-id' });
        await request(route, 'unknown id', { user: other, params: unknownId });
      }
      if (route.body && !route.upload) {
        await request(route, 'unknown field', { user: admin, body: { unexpectedField: 1 } });
        await request(route, 'empty object', { user: admin, body: {} });
      }
      const operation = doc.paths[openApiPath(route.path)]![route.method]!;
      if (operation.parameters?.some((p) => p.name === 'cursor')) {
        await request(route, 'made-up cursor', { user: admin, query: { cursor: 'abc' } });
      }
      for (const filter of operation.parameters?.filter((p) => p.in === 'query' && p.name.endsWith('Id')) ?? []) {
        await request(route, `unreachable ${filter.name}`, { user: admin, query: { [filter.name]: unknownId } });
      }
      const body = validBody(route);
      for (const field of Object.keys(requestSchema(route)?.properties ?? {}).filter((f) => f.endsWith('Id'))) {
        if (!route.upload) {
          await request(route, `unreachable body ${field}`, { user: admin, body: { ...(body as object), [field]: unknownId } });
        }
      }
    }
    await request(routes.auth.login, 'wrong password', { body: { username: admin.username, password: 'wrong password' } });
    const creates = ordered.filter((r) => r.status === 201);
    for (const route of [...creates, ...ordered.filter((r) => r.status !== 201)]) await sendValid(route);
    expect(mismatches, `${mismatches.length} mismatches`).toEqual([]);
    // Some fifteen requests per route, about 200 routes: seconds on a quiet machine, more on a busy one.
  }, 120_000);

  it('answers 405 with Allow and a problem to TRACE and to a method a known path does not take', async () => {
    const wrong: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const url = path.replace(/\{\w+\}/g, unknownId);
      const methods = Object.keys(item).map((m) => m.toUpperCase());
      const unsupported = ['PUT', 'PATCH', 'DELETE', 'POST'].find((m) => !methods.includes(m));
      for (const method of ['TRACE', ...(unsupported ? [unsupported] : [])]) {
        const res = await rawRequest(method, url, admin.token);
        const allow = String(res.headers.allow ?? '').split(/,\s*/);
        const type = res.headers['content-type'] ?? '';
        const ok =
          res.status === 405 &&
          methods.every((m) => allow.includes(m)) &&
          type.startsWith('application/problem+json') &&
          validator({ $ref: '#/components/schemas/Problem' })(res.body);
        if (!ok) wrong.push(`${method} ${path} → ${res.status} Allow: ${allow.join(', ')} ${type}`);
      }
    }
    const traceOutsideApi = await rawRequest('TRACE', '/');
    if (traceOutsideApi.status !== 405) wrong.push(`TRACE / → ${traceOutsideApi.status}`);
    expect(wrong, `${wrong.length} mismatches`).toEqual([]);
  });
});
