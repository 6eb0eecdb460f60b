import type { ExportedCollection } from '../export/registry.ts';
import { AlarmModel } from './model.ts';

export const alarmsExport: ExportedCollection = { name: 'alarms', model: AlarmModel, scope: 'owner' };
