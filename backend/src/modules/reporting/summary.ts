import type { AuthUser } from '../../http/auth-guard.ts';
import type { AiService } from '../ai/service.ts';
import { projectNames, recentActivity } from './activity.ts';
import type { ReportFilter } from './activity.ts';

const SYSTEM =
  'You write a short activity report in Markdown from a list of events (projects created, tasks done, notes ' +
  'created), grouped by project, in the language of the titles (French when unsure). Do not invent anything.';

const kindLabel = { 'project.created': 'project created', 'task.done': 'task done', 'note.created': 'note created' } as const;

/** Panorama's `reporting.aiSummarizeWindow`: the window's activity turned into a Markdown report, custom prompt allowed. */
export async function summarizeActivity(
  ai: AiService,
  actor: AuthUser,
  input: ReportFilter & { prompt?: string | undefined; timeZone: string },
) {
  const report = await recentActivity(actor, input);
  if (report.items.length === 0) return { markdown: '', itemCount: 0 };
  const names = await projectNames(actor);
  const when = new Intl.DateTimeFormat('en-CA', {
    timeZone: input.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
    hourCycle: 'h23',
  });
  const lines = report.items.map(
    (item) =>
      `- ${when.format(new Date(item.at))} · ${kindLabel[item.kind]} · ${item.projectId ? (names.get(item.projectId) ?? '') : 'no project'} · ${item.title}`,
  );
  const prompt = [
    `Window: ${input.window} (time zone ${input.timeZone}).`,
    ...(input.prompt ? [`Instructions: ${input.prompt}`] : []),
    'Events:',
    ...lines,
  ].join('\n');
  const answer = await ai.complete(actor, { system: SYSTEM, prompt }, new AbortController().signal);
  return { markdown: answer.text.trim(), itemCount: report.items.length };
}
