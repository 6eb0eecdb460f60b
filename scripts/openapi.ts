// `npm run openapi`: regenerates packages/contracts/openapi.json (committed; the Android client is generated from it).
import { writeFileSync } from 'node:fs';
import { committedOpenApiPath, createOpenApiDocument, serializeOpenApi } from '../backend/src/openapi-document.ts';

writeFileSync(committedOpenApiPath, serializeOpenApi(createOpenApiDocument()));
console.log(`wrote ${committedOpenApiPath.pathname}`);
