import type { ExportedCollection } from '../../export/registry.ts';
import { CalendarFeedModel } from '../feed/model.ts';
import { CalendarSubscriptionModel } from './model.ts';

export const calendarSubscriptionExports: ExportedCollection[] = [
  { name: 'calendarSubscriptions', model: CalendarSubscriptionModel, scope: 'owner' },
  // Only the secret's hash: a restored instance keeps serving the address phones already have.
  { name: 'calendarFeeds', model: CalendarFeedModel, scope: 'owner' },
];
