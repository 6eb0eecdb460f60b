import type { JournalSummary } from '@panoramix/contracts';
import { z } from 'zod';
import type { AuthUser } from '../../http/auth-guard.ts';
import { readMemberProjects } from '../../sharing/access.ts';
import { askJson } from '../ai/ask-json.ts';
import type { AiService } from '../ai/service.ts';
import type { JournalService } from './service.ts';

const HOUR_MS = 3_600_000;

/** A window holds at most this many entries in the prompt: the oldest beyond it are left out. */
const MAX_ENTRIES = 400;

/** What the model must answer (Panorama's `summarizeWindow` JSON); ids it makes up are dropped after. */
const modelAnswer = z.object({
  summary: z.string(),
  tasks: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(500),
        notes: z.string().max(20_000).nullish(),
        projectId: z.string().nullish(),
        sourceLogIds: z.array(z.string()).min(1),
      }),
    )
    .default([]),
});

const SYSTEM = [
  'You read the lines of a personal work journal and answer in the language of the lines.',
  'Answer with one JSON object and nothing else: {"summary": string, "tasks": [{"title": string, "notes": string,',
  '"projectId": string | null, "sourceLogIds": string[]}]}.',
  '"summary" is Markdown organised by subject (a heading or bullet per subject), each fact with its time as HH:mm.',
  '"tasks" are follow-up actions the lines call for (none if nothing calls for one); "sourceLogIds" are the ids of',
  'the lines each task comes from; "projectId" is one of the listed projects when the task clearly belongs to it.',
  'Do not invent anything.',
].join(' ');

/** `HH:mm`, with the day first when the window spans more than a day, in the user's zone. */
const timeFormat = (timeZone: string, withDay: boolean) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    ...(withDay ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
  });

/**
 * *Résumer les N dernières heures*: one request, answered within the model's timeout (AI_TIMEOUT_MS,
 * twice at most when the first answer is malformed). Not a durable job: it writes nothing, so a crash
 * loses nothing the user cannot ask again, and they are waiting for the answer on screen.
 */
export async function summarizeJournal(
  deps: { journal: JournalService; ai: AiService },
  actor: AuthUser,
  input: { hours: number; timeZone: string },
  now = new Date(),
): Promise<JournalSummary> {
  const entries = await deps.journal.since(actor, new Date(now.getTime() - input.hours * HOUR_MS), MAX_ENTRIES);
  if (entries.length === 0) return { summary: '', suggestions: [], entryCount: 0 };
  const projects = await readMemberProjects<{ name: string }>(actor, { name: 1 });
  const format = timeFormat(input.timeZone, input.hours > 24);
  const prompt = [
    `Time zone: ${input.timeZone}. Journal lines ([id] time text):`,
    ...entries.map((entry) => `[${String(entry._id)}] ${format.format(entry.createdAt).replace(',', '')} ${entry.content}`),
    '',
    'Projects (id: name):',
    ...(projects.length > 0 ? projects.map((project) => `${String(project._id)}: ${project.name}`) : ['(none)']),
  ].join('\n');
  const answer = await askJson(deps.ai, actor, { system: SYSTEM, prompt }, modelAnswer);

  const inWindow = new Set(entries.map((entry) => String(entry._id)));
  const projectIds = new Set(projects.map((project) => String(project._id)));
  const suggestions = answer.tasks.flatMap((task) => {
    const entryIds = [...new Set(task.sourceLogIds.filter((id) => inWindow.has(id)))].slice(0, 20);
    if (entryIds.length === 0) return [];
    const projectId = task.projectId && projectIds.has(task.projectId) ? task.projectId : null;
    return [{ title: task.title, notes: task.notes ?? '', projectId, entryIds }];
  });
  return { summary: answer.summary.trim(), suggestions, entryCount: entries.length };
}
