import type { ExportedCollection } from '../export/registry.ts';
import { NoteModel } from './model.ts';

export const notesExport: ExportedCollection = { name: 'notes', model: NoteModel, scope: 'owner' };
