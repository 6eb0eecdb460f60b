import type { StoredFile } from '@panoramix/contracts';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { editPages, newestFirst, upsert, without } from '../../api/list-cache.ts';

/** The project filter of the list: '' every file, 'none' those outside projects, or a project id. */
export type FileFilter = string;

export const fileKeys = {
  all: ['files'] as const,
  list: (project: FileFilter) => ['files', 'list', project] as const,
};

const belongs = (file: StoredFile, key: QueryKey) => {
  const project = key[2] as FileFilter;
  return project === '' || (project === 'none' ? file.projectId === null : file.projectId === project);
};

/**
 * The server's version of a file in every cached list: added (newest first) where its project
 * matches, taken out where it no longer does (a move). Idempotent: our own mutation and its event both arrive.
 */
export const putFile = (queryClient: QueryClient, file: StoredFile) =>
  editPages<StoredFile>(queryClient, fileKeys.all, (items, key) =>
    belongs(file, key) ? upsert(items, file, newestFirst('createdAt')) : without(items, file.id),
  );

export const removeFile = (queryClient: QueryClient, id: string) =>
  editPages<StoredFile>(queryClient, fileKeys.all, (items) => without(items, id));

/** Live events from other tabs, devices and project members, applied without a refetch. */
export const fileEvents: EventAppliers = {
  'file.created': putFile,
  'file.updated': putFile,
  'file.deleted': (queryClient, { id }) => removeFile(queryClient, id),
};
