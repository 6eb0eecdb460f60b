import { modelSource } from '../../ml/index/sources.ts';
import { TaskModel } from './model.ts';

export const taskSearch = modelSource({
  kind: 'task',
  model: TaskModel,
  events: ['task.created', 'task.updated', 'task.deleted'],
  title: (doc) => String(doc.title),
  text: (doc) => [doc.notes, (doc.tags as string[]).join(' ')].filter(Boolean).join('\n'),
  // Tasks have no page of their own in the web app: their project's list opens, every status shown.
  target: (doc) => `/tasks?project=${doc.projectId ? String(doc.projectId) : 'none'}&status=all`,
});
