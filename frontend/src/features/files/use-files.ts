import type { routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { usePagedList } from '../../api/paged-list.ts';
import { fileKeys, putFile, removeFile } from './file-cache.ts';
import type { FileFilter } from './file-cache.ts';

/** The files of a project filter, newest first, 100 at a time. */
export function useFiles(project: FileFilter) {
  return usePagedList(fileKeys.list(project), (cursor, signal) =>
    call(routes.files.list, { query: { limit: 100, cursor, ...(project ? { projectId: project } : {}) }, signal }),
  );
}

export function useFileOperations() {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: RouteBodyInput<typeof contractRoutes.files.update> }) =>
      call(routes.files.update, { params: { id }, body }),
    onSuccess: (file) => putFile(queryClient, file),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(routes.files.remove, { params: { id } }),
    onSuccess: (_, id) => removeFile(queryClient, id),
  });
  return { update, remove };
}
