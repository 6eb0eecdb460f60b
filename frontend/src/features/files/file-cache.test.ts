import type { StoredFile } from '@panoramix/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../api/event-appliers.ts';
import type { PagedData } from '../../api/paged-list.ts';
import { itemsOf } from '../../api/paged-list.ts';
import { edited, pagedData } from '../../test-builders.ts';
import { fileEvents, fileKeys } from './file-cache.ts';

const project = 'c'.repeat(24);
let seq = 0;
const aFile = (over: Partial<StoredFile> = {}): StoredFile => {
  seq += 1;
  const at = new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString();
  return {
    id: seq.toString(16).padStart(24, '0'),
    userId: 'a'.repeat(24),
    projectId: null,
    roomId: null,
    messageId: null,
    name: `f${seq}.txt`,
    originalName: `f${seq}.txt`,
    size: 10,
    mimeType: 'text/plain',
    clicksCount: 0,
    lastClickedAt: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
};

function setup(all: StoredFile[], inProject: StoredFile[] = []) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<PagedData<StoredFile>>(fileKeys.list(''), pagedData(all));
  queryClient.setQueryData<PagedData<StoredFile>>(fileKeys.list(project), pagedData(inProject));
  queryClient.setQueryData<PagedData<StoredFile>>(fileKeys.list('none'), pagedData(all.filter((f) => !f.projectId)));
  const dispatcher = createDispatcher([fileEvents], queryClient);
  const names = (filter: string) =>
    itemsOf(queryClient.getQueryData<PagedData<StoredFile>>(fileKeys.list(filter)))?.map((f) => f.name);
  return { dispatcher, names };
}

describe('file events applied to every cached list', () => {
  it('file.created joins the lists of its project, newest first, once', () => {
    const old = aFile({ name: 'old' });
    const { dispatcher, names } = setup([old]);
    const created = aFile({ name: 'new', projectId: project });
    dispatcher.dispatch('file.created', created);
    dispatcher.dispatch('file.created', created);
    expect(names('')).toEqual(['new', 'old']);
    expect(names(project)).toEqual(['new']);
    expect(names('none')).toEqual(['old']);
  });

  it('file.updated renames in place and moves the file between project lists', () => {
    const file = aFile({ name: 'draft' });
    const { dispatcher, names } = setup([aFile({ name: 'later' }), file]);
    const final = edited(file, { name: 'final' });
    dispatcher.dispatch('file.updated', final);
    expect(names('')).toEqual(['later', 'final']);
    dispatcher.dispatch('file.updated', edited(final, { projectId: project }));
    expect(names('none')).toEqual(['later']);
    expect(names(project)).toEqual(['final']);
  });

  it('file.deleted leaves every list', () => {
    const file = aFile({ projectId: project, name: 'gone' });
    const { dispatcher, names } = setup([file], [file]);
    dispatcher.dispatch('file.deleted', { id: file.id, projectId: project, roomId: null });
    expect(names('')).toEqual([]);
    expect(names(project)).toEqual([]);
  });
});
