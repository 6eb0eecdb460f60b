import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { showToast } from '../../ui/toast.tsx';
import { chatKeys } from './chat-cache.ts';

export function useContacts() {
  return useQuery({
    queryKey: chatKeys.contacts,
    queryFn: ({ signal }) => call(routes.contacts.list, { query: { limit: 200 }, signal }),
  });
}

/** People whose username starts with, or display name contains, the text (at least one character). */
export function useUserSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['chat', 'users', text],
    queryFn: ({ signal }) => call(routes.contacts.searchUsers, { query: { q: text, limit: 10 }, signal }),
    enabled: text.length > 0,
    staleTime: 10_000,
  });
}

export function useContactOperations() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: chatKeys.contacts });
    void queryClient.invalidateQueries({ queryKey: ['chat', 'users'] });
  };
  const onError = (error: Error) => showToast(error.message, 'error');
  const add = useMutation({
    mutationFn: (userId: string) => call(routes.contacts.add, { body: { userId } }),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(routes.contacts.remove, { params: { id } }),
    onSuccess: refresh,
    onError,
  });
  return { add, remove };
}
