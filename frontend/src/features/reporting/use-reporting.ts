import type { ImportedTask, ReportWindow } from '@panoramix/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';

/** `in:<id>` keeps one project, `out:<id>` leaves one out, '' is every project. */
export type ProjectFilter = '' | `in:${string}` | `out:${string}`;

const filterOf = (filter: ProjectFilter) =>
  filter.startsWith('in:') ? { include: [filter.slice(3)] } : filter.startsWith('out:') ? { exclude: [filter.slice(4)] } : {};

/** The window's activity; the previous answer stays on screen while another window loads. */
export function useActivity(window: ReportWindow, filter: ProjectFilter) {
  const projects = filterOf(filter);
  return useQuery({
    queryKey: ['reporting', 'activity', window, filter],
    queryFn: ({ signal }) =>
      call(routes.reporting.activity, {
        query: {
          window,
          ...(projects.include ? { include: projects.include.join(',') } : {}),
          ...(projects.exclude ? { exclude: projects.exclude.join(',') } : {}),
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useReportingOperations() {
  return {
    summary: useMutation({
      mutationFn: (body: { window: ReportWindow; filter: ProjectFilter; prompt: string; timeZone: string }) =>
        call(routes.reporting.summary, {
          body: {
            window: body.window,
            ...filterOf(body.filter),
            ...(body.prompt.trim() ? { prompt: body.prompt } : {}),
            timeZone: body.timeZone,
          },
        }),
    }),
    analyze: useMutation({
      mutationFn: (body: { text: string; timeZone: string }) => call(routes.reporting.analyzeImport, { body }),
    }),
    create: useMutation({
      mutationFn: (tasks: ImportedTask[]) => call(routes.reporting.createImport, { body: { tasks } }),
    }),
  };
}

export const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
