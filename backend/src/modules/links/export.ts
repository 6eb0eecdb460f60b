import type { ExportedCollection } from '../export/registry.ts';
import { LinkModel } from './model.ts';

export const linksExport: ExportedCollection = { name: 'links', model: LinkModel, scope: 'owner' };
