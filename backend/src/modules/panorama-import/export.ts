import type { ExportedCollection } from '../export/registry.ts';
import { PanoramaPendingModel } from './pending.model.ts';
import { UserSecretModel } from './secrets.ts';

/** What a Panorama import keeps beside the modules' collections travels in our own export too. */
export const panoramaImportExports: ExportedCollection[] = [
  { name: 'panoramaPending', model: PanoramaPendingModel, scope: 'owner' },
  { name: 'userSecrets', model: UserSecretModel, scope: 'owner' },
];
