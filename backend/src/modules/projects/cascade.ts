import type { JobDefinition } from '../../jobs/runner.ts';
import { CASCADE_DELETE_JOB } from './service.ts';
import { ProjectModel } from './model.ts';

/** Deletes one kind of a project's content; each content module contributes one. */
export type ProjectContentRemover = (projectId: string) => Promise<unknown>;

/**
 * The cascade: every content remover in the given order (children before parents), then the
 * project itself. Each step is idempotent, so a retry after a crash finishes the work.
 */
export const projectJobs = (removers: readonly ProjectContentRemover[]): JobDefinition[] => [
  {
    name: CASCADE_DELETE_JOB,
    run: async (data) => {
      const { projectId } = data as { projectId: string };
      for (const remove of removers) await remove(projectId);
      await ProjectModel.deleteOne({ _id: projectId }).setOptions({ tenancy: 'system' });
    },
  },
];
