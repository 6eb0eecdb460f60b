import { describe, expect, it } from 'vitest';
import { edited } from '../../test-builders.ts';
import { aJob, aSituationDetail, anActor } from './situation-builders.ts';
import { upsert, withJob } from './situation-cache.ts';

describe('withJob', () => {
  const detail = aSituationDetail();
  const id = detail.situation.id;

  it('keeps a running job when the POST that queued it answers after its event', () => {
    const queued = aJob(id);
    const running = withJob(detail, { ...queued, status: 'running' });
    expect(withJob(running, queued).aiJobs).toEqual([{ ...queued, status: 'running' }]);
  });

  it('replaces a finished job of the same kind by the next run, and leaves the other kinds', () => {
    const failed = aJob(id, { status: 'failed', error: { reason: 'timeout', detail: '' } });
    const summary = aJob(id, { kind: 'generateSummary', status: 'done' });
    const next = aJob(id, { queuedAt: '2026-11-26T11:00:00.000Z' });
    const after = withJob(withJob(withJob(detail, failed), summary), next);
    expect(after.aiJobs).toEqual(expect.arrayContaining([summary, next]));
    expect(after.aiJobs).toHaveLength(2);
  });
});

describe('upsert', () => {
  it('never puts back an older version of an item', () => {
    const actor = anActor('s');
    const newer = edited(actor, { situationRole: 'décide' });
    expect(upsert([newer], actor)).toEqual([newer]);
    expect(upsert([actor], newer)).toEqual([newer]);
  });
});
