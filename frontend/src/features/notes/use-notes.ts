import type { Note, routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { showToast } from '../../ui/toast.tsx';
import { dropNote, noteKeys, notesLastEditedFirst, putNote } from './note-cache.ts';

/** The notes, last edited first, from the replica: showing the list sends nothing. */
export const useNotes = () => useReplica('notes', notesLastEditedFirst);

/** One note with its content, which the replica does not hold: fetched when it opens, then kept current by events. */
export const useNote = (id: string) =>
  useQuery({ queryKey: noteKeys.detail(id), queryFn: ({ signal }) => call(routes.notes.get, { params: { id }, signal }) });

export function useNoteOperations() {
  const queryClient = useQueryClient();
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  const onSaved = (note: Note) => putNote(queryClient, note);
  const create = useMutation({
    mutationFn: (body: RouteBodyInput<typeof contractRoutes.notes.create>) => call(routes.notes.create, { body }),
    // The editor opens the new note next: it has its content already.
    onSuccess: (note) => {
      putNote(queryClient, note);
      queryClient.setQueryData(noteKeys.detail(note.id), note);
    },
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
