import { normalizeName } from '@panoramix/contracts';
import type { SituationAiKind } from '@panoramix/contracts';
import { z } from 'zod';
import { PersonModel } from '../people/model.ts';
import type { PersonDoc } from '../people/model.ts';
import { SituationActorModel, SituationModel, SituationNoteModel, SituationQuestionsModel } from './model.ts';
import type { SituationActorDoc, SituationDoc, SituationNoteDoc, SituationQuestionsDoc } from './model.ts';
import { section } from './prompts.ts';
import type { PromptTexts } from './prompts.ts';

/** Asks the model for JSON of `schema`: one retry on a malformed answer, then it throws (see ai/ask-json.ts). */
export type AskJson = <S extends z.ZodType>(input: { system: string; prompt: string }, schema: S) => Promise<z.infer<S>>;

/** Why a job stops without applying anything, reported on the job as it is. */
export class AiJobFailure extends Error {
  constructor(
    readonly reason: 'malformed-answer' | 'timeout' | 'model-failed' | 'no-model' | 'no-actors' | 'internal',
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** An actor the extraction found: a known person, or one to create (`newPerson`) on applying. */
export interface PlannedActor {
  personId: string | null;
  newPerson: { name: string; lastName: string } | null;
  situationRole: string;
}

/** The whole change a job makes, built and validated before anything is written. */
export type AiPlan =
  | { kind: 'extractActors'; actors: PlannedActor[] }
  | { kind: 'generateQuestions'; actors: { actorId: string; questions: string[] }[] }
  | { kind: 'generateSummary'; text: string };

export interface SituationContext {
  situation: SituationDoc;
  actors: SituationActorDoc[];
  notes: SituationNoteDoc[];
  questions: SituationQuestionsDoc[];
}

/** What the model reads of a situation; null once it is deleted. */
export async function loadContext(userId: string, situationId: string): Promise<SituationContext | null> {
  const situation = await SituationModel.findOne({ _id: situationId, userId, deletingAt: null }).lean<SituationDoc>();
  if (!situation) return null;
  const mine = { userId, situationId };
  const [actors, notes, questions] = await Promise.all([
    SituationActorModel.find(mine).sort({ _id: 1 }).lean<SituationActorDoc[]>(),
    SituationNoteModel.find(mine).sort({ _id: 1 }).lean<SituationNoteDoc[]>(),
    SituationQuestionsModel.find(mine).lean<SituationQuestionsDoc[]>(),
  ]);
  return { situation, actors, notes, questions };
}

/** People listed to the model: those the description names first. A bound keeps the prompt small; matching by name still reads everyone. */
const ROSTER_MAX = 300;
const fullName = (p: { name: string; lastName: string }) => `${p.name} ${p.lastName}`.trim();
const shortText = (max: number) => z.string().trim().max(max);

const extractAnswer = z.object({
  actors: z
    .array(
      z.object({
        personId: z.string().nullish(),
        name: shortText(200).min(1),
        situationRole: shortText(500).nullish(),
      }),
    )
    .max(50),
});

/** Finds the model's actor among the user's people: by id, full name, unique first name (`normalizedName`), or alias. */
export function personMatcher(people: PersonDoc[]) {
  const byId = new Map(people.map((p) => [String(p._id), p]));
  const byFullName = new Map(people.map((p) => [normalizeName(fullName(p)), p]));
  const byFirstName = new Map<string, PersonDoc[]>();
  const byAlias = new Map<string, PersonDoc>();
  for (const p of people) {
    byFirstName.set(p.normalizedName, [...(byFirstName.get(p.normalizedName) ?? []), p]);
    for (const alias of p.aliases) byAlias.set(normalizeName(alias), p);
  }
  return (personId: string | null | undefined, name: string) => {
    const key = normalizeName(name).replace(/\s+/g, ' ');
    const firstNamed = byFirstName.get(key);
    return (
      byId.get(personId ?? '') ??
      byFullName.get(key) ??
      (firstNamed?.length === 1 ? firstNamed[0] : undefined) ??
      byAlias.get(key)
    );
  };
}

function rosterLines(people: PersonDoc[], description: string) {
  const text = normalizeName(description);
  const named = (p: PersonDoc) =>
    text.includes(p.normalizedName) || (p.lastName !== '' && text.includes(normalizeName(p.lastName)));
  const ordered = [...people.filter(named), ...people.filter((p) => !named(p))].slice(0, ROSTER_MAX);
  return ordered.map((p) => `- ${String(p._id)} | ${p.name} | ${p.lastName} | ${p.aliases.join(', ')} | ${p.role}`);
}

async function planActors(ctx: SituationContext, ask: AskJson, t: PromptTexts): Promise<AiPlan> {
  const userId = String(ctx.situation.userId);
  const people = await PersonModel.find({ userId }, { name: 1, lastName: 1, normalizedName: 1, aliases: 1, role: 1 })
    .sort({ sortName: 1, _id: 1 })
    .lean<PersonDoc[]>();
  const prompt = [
    section(t, t.description, [ctx.situation.description]),
    section(t, t.people, rosterLines(people, ctx.situation.description)),
  ].join('\n\n');
  const answer = await ask({ system: t.extractActors, prompt }, extractAnswer);
  const match = personMatcher(people);
  const planned = new Map<string, PlannedActor>();
  for (const found of answer.actors) {
    const person = match(found.personId, found.name);
    const [first = found.name, ...rest] = found.name.split(/\s+/);
    const key = person ? String(person._id) : `new:${normalizeName(found.name)}`;
    if (planned.has(key)) continue; // named twice: the first mention stands
    planned.set(key, {
      personId: person ? String(person._id) : null,
      newPerson: person ? null : { name: first, lastName: rest.join(' ') },
      situationRole: found.situationRole ?? '',
    });
  }
  return { kind: 'extractActors', actors: [...planned.values()] };
}

function actorLines(ctx: SituationContext) {
  return ctx.actors.map((a) => `- ${String(a._id)} | ${a.name} | ${a.role} | ${a.situationRole}`);
}

function noteLines(ctx: SituationContext, t: PromptTexts) {
  const names = new Map(ctx.actors.map((a) => [String(a._id), a.name]));
  return ctx.notes.map((n) => `### ${n.actorId ? (names.get(String(n.actorId)) ?? t.general) : t.general}\n${n.content}`);
}

function answerLines(ctx: SituationContext, t: PromptTexts) {
  const names = new Map(ctx.actors.map((a) => [String(a._id), a.name]));
  return ctx.questions
    .filter((doc) => names.has(String(doc.actorId)) && doc.questions.length > 0)
    .map(
      (doc) =>
        `### ${names.get(String(doc.actorId))} (${String(doc.actorId)})\n` +
        doc.questions.map(({ q, r }) => `- ${q}\n  → ${r.trim() || t.noAnswer}`).join('\n'),
    );
}

async function planQuestions(ctx: SituationContext, ask: AskJson, t: PromptTexts): Promise<AiPlan> {
  const ids = ctx.actors.map((a) => String(a._id));
  const [first, ...others] = ids;
  if (first === undefined) throw new AiJobFailure('no-actors', 'This situation has no actors to ask questions to');
  const schema = z
    .object({
      actors: z.array(
        z.object({
          actorId: z.enum([first, ...others]),
          questions: z.array(shortText(2000).min(1)).min(5).max(7),
        }),
      ),
    })
    .refine((a) => ids.every((id) => a.actors.some((x) => x.actorId === id)), 'every actor needs questions');
  const prompt = [
    section(t, t.description, [ctx.situation.description]),
    section(t, t.actors, actorLines(ctx)),
    section(t, t.notes, noteLines(ctx, t)),
    section(t, t.answers, answerLines(ctx, t)),
  ].join('\n\n');
  const answer = await ask({ system: t.generateQuestions, prompt }, schema);
  return { kind: 'generateQuestions', actors: answer.actors };
}

async function planSummary(ctx: SituationContext, ask: AskJson, t: PromptTexts): Promise<AiPlan> {
  const prompt = [
    section(t, t.description, [ctx.situation.description]),
    section(t, t.actors, actorLines(ctx)),
    section(t, t.notes, noteLines(ctx, t)),
    section(t, t.answers, answerLines(ctx, t)),
  ].join('\n\n');
  const answer = await ask({ system: t.generateSummary, prompt }, z.object({ summary: shortText(100_000).min(1) }));
  return { kind: 'generateSummary', text: answer.summary };
}

const planners: Record<SituationAiKind, (ctx: SituationContext, ask: AskJson, t: PromptTexts) => Promise<AiPlan>> = {
  extractActors: planActors,
  generateQuestions: planQuestions,
  generateSummary: planSummary,
};

export const buildPlan = (kind: SituationAiKind, ctx: SituationContext, ask: AskJson, t: PromptTexts) =>
  planners[kind](ctx, ask, t);
