import type { Note, routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { itemsOf, usePagedList } from '../../api/paged-list.ts';
import type { PagedData } from '../../api/paged-list.ts';
import { showToast } from '../../ui/toast.tsx';
import { dropNote, noteKeys, putNote } from './note-cache.ts';

/** The notes, last edited first, a page of 200 at a time. */
export function useNotes() {
  return usePagedList(noteKeys.list, (cursor, signal) => call(routes.notes.list, { query: { limit: 200, cursor }, signal }));
}

/** One note: from the list when it is there, else fetched. */
export function useNote(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: noteKeys.detail(id),
    queryFn: ({ signal }) => call(routes.notes.get, { params: { id }, signal }),
    initialData: () => itemsOf(queryClient.getQueryData<PagedData<Note>>(noteKeys.list))?.find((n) => n.id === id),
  });
}

export function useNoteOperations() {
  const queryClient = useQueryClient();
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  const onSaved = (note: Note) => putNote(queryClient, note);
  const create = useMutation({
    mutationFn: (body: RouteBodyInput<typeof contractRoutes.notes.create>) => call(routes.notes.create, { body }),
    onSuccess: onSaved,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: RouteBodyInput<typeof contractRoutes.notes.update> & { id: string }) =>
      call(routes.notes.update, { params: { id }, body }),
    onSuccess: onSaved,
  });
  /** Deleted at once; "Annuler" writes it again (see use-tasks.ts for why recreation). */
  const remove = useMutation({
    mutationFn: (note: Note) => call(routes.notes.remove, { params: { id: note.id } }),
    onSuccess: (_, note) => {
      dropNote(queryClient, note.id);
      showToast(t('noteDeleted', { title: note.title }), 'info', {
        label: tc('ui.undo'),
        run: () => create.mutate({ title: note.title, content: note.content, projectId: note.projectId }),
      });
    },
    onError: (error) => showToast(error.message, 'error'),
  });
  return { create, update, remove };
}
