import type { ImportedTask, Project, Task } from '@panoramix/contracts';
import { z } from 'zod';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest } from '../../http/problem.ts';
import { readMemberProjects } from '../../sharing/access.ts';
import { askJson } from '../ai/ask-json.ts';
import type { AiService } from '../ai/service.ts';
import type { ProjectService } from '../projects/service.ts';
import type { TaskService } from '../tasks/service.ts';

/** The model's answer (Panorama's `ai.textToTasksAnalyze`); what it gets wrong is cleaned below, not refused. */
const modelAnswer = z.object({
  tasks: z.array(
    z.object({
      title: z.string().trim().min(1).max(500),
      notes: z.string().max(20_000).nullish(),
      deadline: z.string().nullish(),
      projectId: z.string().nullish(),
      newProject: z.string().trim().max(200).nullish(),
    }),
  ),
});

const SYSTEM = [
  'You turn free text (meeting notes, an e-mail, a to-do list) into tasks. Answer with one JSON object and nothing',
  'else: {"tasks": [{"title": string, "notes": string, "deadline": ISO 8601 date-time with offset or null,',
  '"projectId": string or null, "newProject": string or null}]}. Titles are short imperative sentences in the',
  'language of the text. Use "projectId" only for one of the listed projects that clearly matches; otherwise suggest',
  'a "newProject" name when the text names one, else leave both null. Do not invent tasks.',
].join(' ');

/** An ISO date the model wrote, as the wire's UTC form, or null when it is not a date. */
function deadlineOf(raw: string | null | undefined) {
  if (!raw) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export async function analyzeImport(ai: AiService, actor: AuthUser, input: { text: string; timeZone: string }, now = new Date()) {
  const projects = await readMemberProjects<{ name: string }>(actor, { name: 1 });
  const known = new Set(projects.map((p) => String(p._id)));
  const prompt = [
    `Now: ${now.toISOString()} (the user's time zone is ${input.timeZone}).`,
    'Projects (id: name):',
    ...(projects.length > 0 ? projects.map((p) => `${String(p._id)}: ${p.name}`) : ['(none)']),
    '',
    'Text:',
    input.text,
  ].join('\n');
  const answer = await askJson(ai, actor, { system: SYSTEM, prompt }, modelAnswer);
  const tasks: ImportedTask[] = answer.tasks.map((task) => {
    const projectId = task.projectId && known.has(task.projectId) ? task.projectId : null;
    return {
      title: task.title,
      notes: task.notes ?? '',
      deadline: deadlineOf(task.deadline),
      projectId,
      newProject: projectId ? null : task.newProject || null,
    };
  });
  return { tasks };
}

/**
 * Creates the reviewed tasks. Everything the user can get wrong (a project not theirs) is checked
 * before the first write, so a refusal creates nothing; then the new projects (one per name), then the tasks.
 */
export async function createImport(
  deps: { projects: ProjectService; tasks: TaskService },
  actor: AuthUser,
  tasks: ImportedTask[],
) {
  const mine = new Set((await readMemberProjects<object>(actor, {})).map((p) => String(p._id)));
  tasks.forEach((task, index) => {
    if (task.projectId && !mine.has(task.projectId)) {
      const path = `body.tasks.${index}.projectId`;
      throw badRequest(`${path}: no such project`, [{ path, message: 'no such project' }]);
    }
  });
  const created: { projects: Project[]; tasks: Task[] } = { projects: [], tasks: [] };
  const newProjects = new Map<string, string>();
  for (const name of new Set(tasks.flatMap((task) => (!task.projectId && task.newProject ? [task.newProject] : [])))) {
    const project = await deps.projects.create(actor, { name });
    created.projects.push(project);
    newProjects.set(name, project.id);
  }
  for (const task of tasks) {
    const projectId = task.projectId ?? (task.newProject ? newProjects.get(task.newProject)! : null);
    created.tasks.push(
      await deps.tasks.create(actor, { title: task.title, notes: task.notes, deadline: task.deadline, projectId }),
    );
  }
  return created;
}
