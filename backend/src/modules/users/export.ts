import { InstanceFlagModel } from '../auth/model.ts';
import { UserModel } from './model.ts';
import type { ExportedCollection } from '../export/registry.ts';

/**
 * Accounts travel with their password hash, so a restored instance signs in as before; the
 * instance flags carry `first-admin`, without which anyone could register as the first admin.
 */
export const usersExport: ExportedCollection = { name: 'users', model: UserModel, scope: 'account' };
export const instanceFlagsExport: ExportedCollection = { name: 'instanceFlags', model: InstanceFlagModel, scope: 'instance' };
