import type { ExportedCollection } from '../export/registry.ts';
import { dropLookups } from './lookup.ts';
import { PersonModel } from './model.ts';

export const peopleExport: ExportedCollection = { name: 'people', model: PersonModel, scope: 'owner', upgrade: dropLookups };
