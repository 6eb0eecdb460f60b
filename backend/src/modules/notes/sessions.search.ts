import { modelSource } from '../../ml/index/sources.ts';
import { NoteLineModel, NoteSessionModel } from './sessions.model.ts';

export const sessionSearch = modelSource({
  kind: 'session',
  model: NoteSessionModel,
  events: ['noteSession.created', 'noteSession.updated', 'noteSession.deleted'],
  title: (doc) => String(doc.name || 'Session'),
  text: (doc) => String(doc.aiSummary ?? ''),
  target: (doc) => `/notes/sessions/${String(doc._id)}`,
});

/** A line is titled by its own first words: it has no name of its own. */
export const lineSearch = modelSource({
  kind: 'line',
  model: NoteLineModel,
  events: ['noteLine.created', 'noteLine.updated', 'noteLine.deleted'],
  title: (doc) => String(doc.content).slice(0, 80),
  text: (doc) => String(doc.content),
  target: (doc) => `/notes/sessions/${String(doc.sessionId)}?line=${String(doc._id)}`,
});
