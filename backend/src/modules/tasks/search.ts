import { modelSource } from '../../ai/index/sources.ts';
import { TaskModel } from './model.ts';

export const taskSearch = modelSource({
  kind: 'task',
  model: TaskModel,
  events: ['task.created', 'task.updated', 'task.deleted'],
  title: (doc) => String(doc.title),
  text: (doc) => [doc.notes, (doc.tags as string[]).join(' ')].filter(Boolean).join('\n'),
  target: (doc) => `/tasks/${String(doc._id)}`,
});
