import { routes } from '@panoramix/contracts';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { expectProblem, useTestApp } from './harness.ts';

const ctx = useTestApp();
const health = (headers?: Record<string, string>) => ctx.app.client().call(routes.system.health, {}, { headers });
const ready = () => ctx.app.client().call(routes.system.ready);

describe('health and readiness', () => {
  it('is live and ready while the database answers, not ready once it is gone', async () => {
    expect((await health()).body.status).toBe('ok');
    expect((await ready()).body).toEqual({ status: 'ready', database: 'up' });
    const live = await health();
    expect(live.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);

    await mongoose.disconnect();
    expectProblem(await ready(), 503);
    expect((await health()).status).toBe(200);
  });

  it('keeps a sane caller request id and replaces a hostile one', async () => {
    const kept = await health({ 'x-request-id': 'nginx-abc-12345' });
    expect(kept.headers.get('x-request-id')).toBe('nginx-abc-12345');
    const replaced = await health({ 'x-request-id': 'bad id with spaces and $igns' });
    expect(replaced.headers.get('x-request-id')).not.toContain(' ');
  });
});
