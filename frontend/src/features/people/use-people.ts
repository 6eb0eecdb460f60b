import type {
  ImportSummary,
  PersonRecord,
  routes as contractRoutes,
  RouteBodyInput,
  RouteQueryInput,
} from '@panoramix/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { authorizedFetch } from '../../api/files.ts';
import { ApiError } from '../../api/problem.ts';
import { saveBlob } from '../../platform/powers.ts';
import { peopleKeys } from './people-cache.ts';

export type PeopleFilter = NonNullable<RouteQueryInput<typeof contractRoutes.people.list>>;
export type PersonBody = RouteBodyInput<typeof contractRoutes.people.create>;

const PAGE = 200;

/** The people matching the filter, 200 at a time; the previous answer stays on screen while typing. */
export const usePeople = (filter: PeopleFilter) =>
  useInfiniteQuery({
    queryKey: peopleKeys.list(filter),
    queryFn: ({ signal, pageParam }) =>
      call(routes.people.list, { query: { ...filter, limit: PAGE, offset: pageParam }, signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });

export const usePerson = (id: string | null) =>
  useQuery({
    queryKey: ['people', 'one', id],
    queryFn: ({ signal }) => call(routes.people.get, { params: { id: id! }, signal }),
    enabled: id !== null,
    // Read afresh at each opening: the form starts from what it is given.
    gcTime: 0,
  });

export const usePeopleTree = () =>
  useQuery({ queryKey: peopleKeys.tree, queryFn: ({ signal }) => call(routes.people.tree, { signal }) });

export const useTeams = () =>
  useQuery({ queryKey: peopleKeys.teams, queryFn: ({ signal }) => call(routes.teams.list, { signal }) });

export function usePeopleOperations() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    void queryClient.invalidateQueries({ queryKey: peopleKeys.teams });
  };
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: PersonBody }): Promise<PersonRecord> =>
      id ? call(routes.people.update, { params: { id }, body }) : call(routes.people.create, { body }),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => call(routes.people.remove, { params: { id } }), onSuccess: refresh });
  return { save, remove };
}

export function useTeamOperations() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: peopleKeys.teams });
    void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
  };
  const create = useMutation({ mutationFn: (name: string) => call(routes.teams.create, { body: { name } }), onSuccess: refresh });
  const rename = useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => call(routes.teams.update, { params: { id }, body: { name } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: ({ id, moveTo }: { id: string; moveTo?: string | null }) =>
      call(routes.teams.remove, {
        params: { id },
        query: moveTo === undefined ? {} : moveTo === null ? { unassign: 'true' } : { moveTo },
      }),
    onSuccess: refresh,
  });
  return { create, rename, remove };
}

/** Sends a Google Workspace CSV to the preview or the import route (multipart, the route's part name). */
export async function sendCsv(route: 'previewImport' | 'applyImport', file: File): Promise<ImportSummary> {
  const target = routes.people[route];
  const form = new FormData();
  form.append(target.upload.field, file, file.name);
  const response = await authorizedFetch(target.path, { method: 'POST', body: form });
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as ImportSummary;
}

/** Downloads the filtered list as `people.csv`. */
export async function downloadCsv(filter: PeopleFilter) {
  const { limit: _limit, offset: _offset, ...query } = filter;
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const response = await authorizedFetch(`${routes.people.exportCsv.path}?${params}`, {});
  if (!response.ok) throw await ApiError.from(response);
  await saveBlob(await response.blob(), 'people.csv');
}
