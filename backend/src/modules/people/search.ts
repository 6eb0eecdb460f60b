import { modelSource } from '../../ml/index/sources.ts';
import { PersonModel } from './model.ts';

export const personSearch = modelSource({
  kind: 'person',
  model: PersonModel,
  events: ['person.created', 'person.updated', 'person.deleted'],
  title: (doc) => `${String(doc.name)} ${String(doc.lastName ?? '')}`.trim(),
  text: (doc) =>
    [doc.role, ...((doc.aliases as string[] | undefined) ?? []), doc.email, doc.subteam].filter(Boolean).map(String).join(' · '),
  target: (doc) => `/people?open=${String(doc._id)}`,
});
