import { modelSource } from '../../ml/index/sources.ts';
import { LinkModel } from './model.ts';

export const linkSearch = modelSource({
  kind: 'link',
  model: LinkModel,
  events: ['link.created', 'link.updated', 'link.deleted'],
  title: (doc) => String(doc.name),
  text: (doc) => String(doc.url),
  // Links have no page of their own in the web app: the list opens.
  target: () => '/links',
});
