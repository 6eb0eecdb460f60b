import type { BudgetImport, RouteBodyInput, routes as contractRoutes } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { authorizedFetch } from '../../api/files.ts';
import { ApiError } from '../../api/problem.ts';
import { budgetKeys } from './budget-cache.ts';

export type ApplyOptions = RouteBodyInput<typeof contractRoutes.budgetImports.apply>;
export type ImportStatus = BudgetImport['status'];

/** The columns a person maps; the rest of the mapping (currency, VAT…) keeps what the server guessed. */
export const mappedRoles = ['date', 'amount', 'debit', 'credit', 'vendor', 'label', 'id'] as const;
export type MappedRole = (typeof mappedRoles)[number];

const HISTORY = 20;
/** Progress arrives by `budgetImport.updated` events; this slow read only covers a socket that is down. */
const FALLBACK_POLL_MS = 5000;
export const isRunning = (status: ImportStatus) => status === 'queued' || status === 'running';

/** Sends the file to the upload route (multipart, the route's part name); the answer is its preview. */
async function uploadImport(file: File): Promise<BudgetImport> {
  const route = routes.budgetImports.upload;
  const form = new FormData();
  form.append(route.upload.field, file, file.name);
  const response = await authorizedFetch(route.path, { method: 'POST', body: form });
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as BudgetImport;
}

export const useImports = () =>
  useQuery({
    queryKey: budgetKeys.imports,
    queryFn: ({ signal }) => call(routes.budgetImports.list, { query: { limit: HISTORY }, signal }),
  });

export const useImport = (id: string | null) =>
  useQuery({
    queryKey: budgetKeys.import(id ?? ''),
    queryFn: ({ signal }) => call(routes.budgetImports.get, { params: { id: id! }, signal }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && isRunning(query.state.data.status) ? FALLBACK_POLL_MS : false),
  });

/** Upload, apply and undo; each answer is the import as it now is, put in the cache at once. */
export function useImportOperations() {
  const queryClient = useQueryClient();
  const store = (doc: BudgetImport) => {
    queryClient.setQueryData(budgetKeys.import(doc.id), doc);
    void queryClient.invalidateQueries({ queryKey: budgetKeys.imports, exact: true });
  };
  return {
    upload: useMutation({ mutationFn: uploadImport, onSuccess: store }),
    apply: useMutation({
      mutationFn: ({ id, options }: { id: string; options: ApplyOptions }) =>
        call(routes.budgetImports.apply, { params: { id }, body: options }),
      onSuccess: store,
    }),
    undo: useMutation({
      mutationFn: (id: string) => call(routes.budgetImports.undo, { params: { id } }),
      onSuccess: (doc) => {
        store(doc);
        void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
      },
    }),
  };
}
