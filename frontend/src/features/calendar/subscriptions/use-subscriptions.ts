import type { RouteBodyInput, routes as contractRoutes } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../../api/client.ts';
import { dropSubscription, feedKey, putSubscription, subscriptionsKey } from './subscription-cache.ts';

type CreateBody = RouteBodyInput<typeof contractRoutes.calendarSubscriptions.create>;
type UpdateBody = RouteBodyInput<typeof contractRoutes.calendarSubscriptions.update>;

export const useSubscriptions = () =>
  useQuery({ queryKey: subscriptionsKey, queryFn: ({ signal }) => call(routes.calendarSubscriptions.list, { signal }) });

export function useSubscriptionOperations() {
  const queryClient = useQueryClient();
  const put = putSubscription.bind(null, queryClient);
  const create = useMutation({
    mutationFn: (body: CreateBody) => call(routes.calendarSubscriptions.create, { body }),
    onSuccess: put,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: UpdateBody & { id: string }) =>
      call(routes.calendarSubscriptions.update, { params: { id }, body }),
    onSuccess: put,
  });
  const refresh = useMutation({
    mutationFn: (id: string) => call(routes.calendarSubscriptions.refresh, { params: { id } }),
    onSuccess: put,
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(routes.calendarSubscriptions.remove, { params: { id } }),
    onSuccess: (_, id) => dropSubscription(queryClient, id),
  });
  return { create, update, refresh, remove };
}

export const useFeedStatus = () =>
  useQuery({ queryKey: feedKey, queryFn: ({ signal }) => call(routes.calendarFeed.status, { signal }) });

export function useFeedOperations() {
  const queryClient = useQueryClient();
  const regenerate = useMutation({
    mutationFn: () => call(routes.calendarFeed.regenerate),
    onSuccess: ({ createdAt }) => queryClient.setQueryData(feedKey, { active: true, createdAt }),
  });
  const revoke = useMutation({
    mutationFn: () => call(routes.calendarFeed.revoke),
    onSuccess: () => queryClient.setQueryData(feedKey, { active: false, createdAt: null }),
  });
  return { regenerate, revoke };
}
