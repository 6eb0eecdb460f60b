import type { ExportedCollection } from '../export/registry.ts';
import { FileModel } from './model.ts';

/** The documents; their bytes travel in the archive's uploads sidecar (`uploads/<userId>/…`). */
export const filesExport: ExportedCollection = { name: 'files', model: FileModel, scope: 'owner' };
