import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { expectProblem, useTestApp } from './harness.ts';

const ctx = useTestApp();

describe('health and readiness', () => {
  it('is live and ready while the database answers, not ready once it is gone', async () => {
    expect((await ctx.app.client().get('/api/health')).body.status).toBe('ok');
    expect((await ctx.app.client().get('/api/ready')).body).toEqual({ status: 'ready', database: 'up' });
    const live = await ctx.app.client().get('/api/health');
    expect(live.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);

    await mongoose.disconnect();
    expectProblem(await ctx.app.client().get('/api/ready'), 503);
    expect((await ctx.app.client().get('/api/health')).status).toBe(200);
  });

  it('keeps a sane caller request id and replaces a hostile one', async () => {
    const kept = await ctx.app.client().get('/api/health', { headers: { 'x-request-id': 'nginx-abc-12345' } });
    expect(kept.headers.get('x-request-id')).toBe('nginx-abc-12345');
    const replaced = await ctx.app.client().get('/api/health', { headers: { 'x-request-id': 'bad id with spaces and $igns' } });
    expect(replaced.headers.get('x-request-id')).not.toContain(' ');
  });
});
