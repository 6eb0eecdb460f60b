import type { StoredFile } from '@panoramix/contracts';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { dropItem, newestFirst, putItem } from '../../api/list-cache.ts';

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
  putItem(queryClient, fileKeys.all, file, { order: newestFirst('createdAt'), belongs: (key) => belongs(file, key) });

/** Gone, or out of sight (moved to a project this user is not in): a later move back still shows. */
export const removeFile = (queryClient: QueryClient, id: string) => dropItem(queryClient, fileKeys.all, id, { deleted: true });

/** Live events from other tabs, devices and project members, applied without a refetch. */
export const fileEvents: EventAppliers = {
  'file.created': putFile,
  'file.updated': putFile,
  'file.deleted': (queryClient, { id }) => removeFile(queryClient, id),
};
