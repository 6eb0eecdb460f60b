import { z } from 'zod';
import { defineRoute } from './http.ts';

export const health = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
export const readiness = z.object({ status: z.literal('ready'), database: z.literal('up') });

const tags = ['system'] as const;

export const systemRoutes = {
  health: defineRoute({
    method: 'get',
    path: '/api/health',
    summary: 'Liveness: the process answers',
    tags,
    access: 'public',
    response: health,
  }),
  ready: defineRoute({
    method: 'get',
    path: '/api/ready',
    summary: 'Readiness: the database answers (503 otherwise)',
    tags,
    access: 'public',
    response: readiness,
    errors: [503],
  }),
};
