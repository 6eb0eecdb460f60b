import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../api/event-appliers.ts';
import { aProject, aTask } from '../../test-builders.ts';
import { dashboardEvents } from './dashboard-cache.ts';

describe('dashboard cache', () => {
  it('makes the dashboard stale, whatever the change to tasks, notes or projects', () => {
    for (const [type, data] of [
      ['task.created', aTask()],
      ['task.deleted', { id: aTask().id, projectId: null }],
      ['project.updated', aProject()],
    ] as const) {
      const queryClient = new QueryClient();
      queryClient.setQueryData(['dashboard', '7d'], { generatedAt: 'x' });
      createDispatcher([dashboardEvents], queryClient).dispatch(type, data);
      expect(queryClient.getQueryState(['dashboard', '7d'])?.isInvalidated, type).toBe(true);
    }
  });
});
