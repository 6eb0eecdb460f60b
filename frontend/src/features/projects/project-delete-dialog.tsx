import type { Project } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useProjectOperations } from './use-projects.ts';

interface Count {
  count: number;
  /** More than was counted (one page of files, the lines of the first sessions): shown as "200+". */
  more: boolean;
}

/** Sessions whose lines are counted one request each; past them the line count reads "N+". */
const SESSIONS_COUNTED = 20;
const FILES_PAGE = 200;

/** The project's items of a replicated collection, counted locally: no request. */
function useReplicaIds(collection: 'tasks' | 'notes' | 'noteSessions' | 'links', projectId: string) {
  const select = useCallback(
    (items: readonly { id: string; projectId?: string | null }[]) =>
      items.filter((i) => i.projectId === projectId).map((i) => i.id),
    [projectId],
  );
  return useReplica(collection, select).data;
}

/**
 * Everything the cascade removes with the project (projects/cascade.ts in the backend): tasks,
 * notes, note sessions and their lines, links and files. Replicated kinds are counted locally;
 * files and lines, which are not replicated, with their list routes.
 */
function useContentCounts(projectId: string) {
  const tasks = useReplicaIds('tasks', projectId);
  const notes = useReplicaIds('notes', projectId);
  const sessions = useReplicaIds('noteSessions', projectId);
  const links = useReplicaIds('links', projectId);
  const fetched = useQuery({
    queryKey: ['projects', 'content-counts', projectId, sessions],
    enabled: sessions !== undefined,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const counted = (sessions ?? []).slice(0, SESSIONS_COUNTED);
      const [files, ...lines] = await Promise.all([
        call(routes.files.list, { query: { projectId, limit: FILES_PAGE }, signal }),
        ...counted.map((sessionId) => call(routes.noteLines.list, { query: { sessionId, limit: 1000 }, signal })),
      ]);
      return {
        files: { count: files.items.length, more: files.nextCursor !== null },
        lines: {
          count: lines.reduce((sum, page) => sum + page.items.length, 0),
          more: lines.some((page) => page.nextCursor !== null) || (sessions ?? []).length > counted.length,
        },
      };
    },
  });
  if (!tasks || !notes || !sessions || !links || !fetched.data) return undefined;
  const local = (ids: readonly string[]): Count => ({ count: ids.length, more: false });
  return {
    deleteTasks: local(tasks),
    deleteNotes: local(notes),
    deleteSessions: local(sessions),
    deleteLines: fetched.data.lines,
    deleteLinks: local(links),
    deleteFiles: fetched.data.files,
  };
}

/** Confirmation naming the project and every kind of content that goes with it; deletion is final (no undo for projects). */
export function ProjectDeleteDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation('projects');
  const counts = useContentCounts(project.id);
  const { remove } = useProjectOperations();
  const confirm = () =>
    remove.mutate(project.id, {
      onSuccess: () => {
        showToast(t('deleted', { name: project.name }));
        onClose();
      },
    });
  return (
    <ConfirmDialog
      title={t('deleteTitle', { name: project.name })}
      confirmLabel={t('deleteConfirm')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>{t('deleteBody')}</p>
      {counts ? (
        <ul className="delete-counts">
          {Object.entries(counts).map(([key, c]) => (
            <li key={key}>
              {t(key as keyof typeof counts, { count: c.count })}
              {c.more ? '+' : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" role="status">
          {t('deleteCounting')}
        </p>
      )}
      <p>
        <strong>{t('deleteIrreversible')}</strong>
      </p>
    </ConfirmDialog>
  );
}
