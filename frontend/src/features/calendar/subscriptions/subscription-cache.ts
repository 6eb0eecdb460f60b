import type { CalendarSubscription } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../../api/event-appliers.ts';

export const subscriptionsKey = ['calendar', 'subscriptions'] as const;
export const feedKey = ['calendar', 'feed'] as const;

type List = { items: CalendarSubscription[] };
const byName = (a: CalendarSubscription, b: CalendarSubscription) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** Puts a subscription in the list, newest state winning (a fetch's result comes as an event). */
export function putSubscription(queryClient: QueryClient, subscription: CalendarSubscription) {
  queryClient.setQueryData<List>(subscriptionsKey, (list) => {
    if (!list) return list;
    const current = list.items.find((s) => s.id === subscription.id);
    if (current && current.updatedAt > subscription.updatedAt) return list;
    return { items: [...list.items.filter((s) => s.id !== subscription.id), subscription].sort(byName) };
  });
}

export function dropSubscription(queryClient: QueryClient, id: string) {
  queryClient.setQueryData<List>(subscriptionsKey, (list) => list && { items: list.items.filter((s) => s.id !== id) });
}

/** Live across tabs and browsers: a fetch that ends elsewhere shows its outcome here. */
export const subscriptionEvents: EventAppliers = {
  'calendar.subscription.created': putSubscription,
  'calendar.subscription.updated': putSubscription,
  'calendar.subscription.deleted': (queryClient, { id }) => dropSubscription(queryClient, id),
};
