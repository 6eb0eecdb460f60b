import { modelSource } from '../../ml/index/sources.ts';
import { NoteModel } from './model.ts';

/** Long notes become several points (chunks), each found on its own. */
export const noteSearch = modelSource({
  kind: 'note',
  model: NoteModel,
  events: ['note.created', 'note.updated', 'note.deleted'],
  chunked: true,
  title: (doc) => String(doc.title),
  text: (doc) => String(doc.content ?? ''),
  target: (doc) => `/notes/${String(doc._id)}`,
});
