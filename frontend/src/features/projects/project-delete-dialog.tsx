import type { Project } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useProjectOperations } from './use-projects.ts';

/** How much a deletion takes along, counted with the list routes (capped at one page: "200+"). */
function useContentCounts(projectId: string) {
  return useQuery({
    queryKey: ['projects', 'content-counts', projectId],
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const query = { projectId, limit: 200 };
      const pages = await Promise.all([
        call(routes.tasks.list, { query, signal }),
        call(routes.notes.list, { query, signal }),
        call(routes.noteSessions.list, { query, signal }),
      ]);
      const [tasks, notes, sessions] = pages.map((page) => ({ count: page.items.length, more: page.nextCursor !== null }));
      return { tasks: tasks!, notes: notes!, sessions: sessions! };
    },
  });
}

/** Confirmation naming the project and what goes with it; deletion is final (no undo for projects). */
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
  const line = (key: 'deleteTasks' | 'deleteNotes' | 'deleteSessions', c: { count: number; more: boolean }) =>
    `${t(key, { count: c.count })}${c.more ? '+' : ''}`;
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
      {counts.data ? (
        <ul className="delete-counts">
          <li>{line('deleteTasks', counts.data.tasks)}</li>
          <li>{line('deleteNotes', counts.data.notes)}</li>
          <li>{line('deleteSessions', counts.data.sessions)}</li>
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
