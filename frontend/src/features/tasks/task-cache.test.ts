import type { Task } from '@panoramix/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../api/event-appliers.ts';
import type { PagedData } from '../../api/paged-list.ts';
import { itemsOf } from '../../api/paged-list.ts';
import { aTask, edited, pagedData } from '../../test-builders.ts';
import { taskEvents, taskKeys } from './task-cache.ts';
import { defaultFilter } from './task-filters.ts';
import type { TaskFilter } from './task-filters.ts';

const project = 'c'.repeat(24);
const openList = defaultFilter;
const projectList: TaskFilter = { ...defaultFilter, status: 'all', projectId: project };

function setup(open: Task[], inProject: Task[] = []) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<PagedData<Task>>(taskKeys.list(openList), pagedData(open));
  queryClient.setQueryData<PagedData<Task>>(taskKeys.list(projectList), pagedData(inProject));
  const dispatcher = createDispatcher([taskEvents], queryClient);
  const titles = (filter: TaskFilter) =>
    itemsOf(queryClient.getQueryData<PagedData<Task>>(taskKeys.list(filter)))?.map((t) => t.title);
  return { queryClient, dispatcher, titles };
}

describe('task events applied to every cached list', () => {
  it('task.created joins the lists it matches, in rank order, once', () => {
    const { dispatcher, titles } = setup([aTask({ title: 'b', rank: 'a2' })]);
    const created = aTask({ title: 'a', rank: 'a1' });
    dispatcher.dispatch('task.created', created);
    dispatcher.dispatch('task.created', created);
    expect(titles(openList)).toEqual(['a', 'b']);
    expect(titles(projectList)).toEqual([]);
  });

  it('task.updated shows the server version and moves the task between lists', () => {
    const task = aTask({ title: 'draft', rank: 'a1' });
    const { dispatcher, titles } = setup([task, aTask({ title: 'other', rank: 'a2' })]);
    const final = edited(task, { title: 'final', rank: 'a3' });
    dispatcher.dispatch('task.updated', final);
    expect(titles(openList)).toEqual(['other', 'final']);
    dispatcher.dispatch('task.updated', edited(final, { status: 'done', projectId: project }));
    expect(titles(openList)).toEqual(['other']);
    expect(titles(projectList)).toEqual(['final']);
  });

  it('task.deleted leaves every list', () => {
    const task = aTask({ projectId: project });
    const { dispatcher, titles } = setup([task], [task]);
    dispatcher.dispatch('task.deleted', { id: task.id, projectId: project });
    expect(titles(openList)).toEqual([]);
    expect(titles(projectList)).toEqual([]);
  });
});
