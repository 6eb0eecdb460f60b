import { queryOptions, useQuery } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from './client.ts';

/** The server's search and language-model status, shared by Préférences' panel and the buttons that need a model. */
export const aiStatusQuery = queryOptions({
  queryKey: ['search', 'ai-status'],
  queryFn: ({ signal }) => call(routes.search.aiStatus, { signal }),
});

/**
 * Whether the server has a language model for that use, so an AI button can say beforehand that it
 * cannot work; undefined until the server answers (the button stays usable: a refusal says why).
 */
export function useLanguageModel(use: 'chat' | 'summary'): boolean | undefined {
  const status = useQuery({ ...aiStatusQuery, staleTime: 60_000 });
  return status.data ? status.data[use].provider !== 'none' : undefined;
}
