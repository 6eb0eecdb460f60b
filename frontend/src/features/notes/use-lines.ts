import type { NoteLine } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { useMove } from '../../api/use-move.ts';
import { showToast } from '../../ui/toast.tsx';
import { dropLine, noteKeys, putLine } from './note-cache.ts';

export function useLines(sessionId: string) {
  return useQuery({
    queryKey: noteKeys.lines(sessionId),
    queryFn: ({ signal }) => call(routes.noteLines.list, { query: { sessionId, limit: 1000 }, signal }),
  });
}

export function useLineOperations(sessionId: string) {
  const queryClient = useQueryClient();
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  const failed = (error: Error) => showToast(error.message, 'error');
  // Lines typed quickly are sent one after another: the server ranks each after the last one
  // it has, so sending them in parallel could store them out of typing order.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const create = useMutation({
    mutationFn: (body: { content: string; rank?: string }) => call(routes.noteLines.create, { body: { sessionId, ...body } }),
    onSuccess: (line) => putLine(queryClient, line),
  });
  const append = (content: string) =>
    new Promise<NoteLine>((resolve, reject) => {
      queue.current = queue.current.then(() => create.mutateAsync({ content }).then(resolve, reject));
    });
  const move = useMove(
    (line: NoteLine, rank) => call(routes.noteLines.update, { params: { id: line.id }, body: { rank } }),
    putLine,
  );
  const update = useMutation({
    mutationFn: ({ line, patch }: { line: NoteLine; patch: { content: string } }) =>
      call(routes.noteLines.update, { params: { id: line.id }, body: patch }),
    onMutate: ({ line, patch }) => putLine(queryClient, { ...line, ...patch }, 'incoming'),
    onSuccess: (line) => putLine(queryClient, line),
    onError: (error, { line }) => {
      putLine(queryClient, line, 'incoming');
      failed(error);
    },
  });
  /** Deleted at once; "Annuler" writes the line again at the same rank (see use-tasks.ts for why). */
  const remove = useMutation({
    mutationFn: (line: NoteLine) => call(routes.noteLines.remove, { params: { id: line.id } }),
    onMutate: (line) => dropLine(queryClient, sessionId, line.id, false),
    onSuccess: (_, line) => {
      dropLine(queryClient, sessionId, line.id, true, line);
      showToast(t('lineDeleted'), 'info', {
        label: tc('ui.undo'),
        run: () => create.mutate({ content: line.content, rank: line.rank }, { onError: failed }),
      });
    },
    onError: (error, line) => {
      putLine(queryClient, line, 'incoming');
      failed(error);
    },
  });
  return { append, update, move, remove };
}
