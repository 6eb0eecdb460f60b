import { modelSource } from '../../ml/index/sources.ts';
import { FileModel } from './model.ts';

/** Files, found by their display and uploaded names; the Fichiers tab opens on the file. */
export const fileSearch = modelSource({
  kind: 'file',
  model: FileModel,
  events: ['file.created', 'file.updated', 'file.deleted'],
  title: (doc) => String(doc.name),
  text: (doc) => [doc.name, doc.originalName].filter((name, i, all) => all.indexOf(name) === i).join('\n'),
  target: (doc) => `/files?open=${String(doc._id)}`,
});
