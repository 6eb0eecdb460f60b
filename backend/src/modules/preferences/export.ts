import type { ExportedCollection } from '../export/registry.ts';
import { PreferencesModel } from './model.ts';

export const preferencesExport: ExportedCollection = { name: 'userPreferences', model: PreferencesModel, scope: 'owner' };
