import { readFileSync } from 'node:fs';
import { allRoutes } from '@panoramix/contracts';
import { buildOpenApiDocument } from '@panoramix/contracts/openapi';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The API's OpenAPI document: served at /api/openapi.json and committed as packages/contracts/openapi.json. */
export const createOpenApiDocument = () => buildOpenApiDocument(allRoutes, { version });

export const committedOpenApiPath = new URL('../../packages/contracts/openapi.json', import.meta.url);
export const serializeOpenApi = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;
