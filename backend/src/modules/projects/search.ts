import { modelSource, purgeDeleted } from '../../ml/index/sources.ts';
import { ProjectModel } from './model.ts';

/** A project is found by its members: its point lives in its own project scope, purged with the project. */
export const projectSearch = modelSource({
  kind: 'project',
  model: ProjectModel,
  events: ['project.created', 'project.updated'],
  purge: purgeDeleted(ProjectModel, ['project.deleted'], 'project'),
  projectOf: (doc) => doc._id,
  title: (doc) => String(doc.name),
  text: (doc) => [doc.description, doc.status].filter(Boolean).join('\n'),
  target: (doc) => `/projects/${String(doc._id)}`,
});
