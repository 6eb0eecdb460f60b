import type { ExportedCollection } from '../export/registry.ts';
import { upgradeLookups } from './lookup.ts';
import { PersonModel } from './model.ts';

export const peopleExport: ExportedCollection = { name: 'people', model: PersonModel, scope: 'owner', upgrade: upgradeLookups };
