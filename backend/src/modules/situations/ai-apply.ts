import { normalizeName } from '@panoramix/contracts';
import type { PersonInput, PersonRecord } from '@panoramix/contracts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { PersonModel } from '../people/model.ts';
import type { PersonDoc } from '../people/model.ts';
import type { AiPlan, PlannedActor } from './ai-plans.ts';
import type { AnswerService } from './answers.ts';
import { toActorDto } from './dto.ts';
import { SituationActorModel, SituationQuestionsModel } from './model.ts';
import type { SituationActorDoc, SituationQuestionsDoc } from './model.ts';

export interface ApplyDeps {
  events: EventBus;
  answers: AnswerService;
  /** The people service's create: a new person is the user's, announced and indexed like any other. */
  createPerson: (actor: AuthUser, input: PersonInput) => Promise<PersonRecord>;
}

const fullName = (p: { name: string; lastName: string }) => `${p.name} ${p.lastName}`.trim();
const sameQuestion = (q: string) => normalizeName(q).replace(/\W+/g, ' ').trim();

/**
 * Writes a plan. Every step finds what an earlier, interrupted run of the same plan wrote (the
 * person by full name, the actor by person, a question by its text), so running it again after a
 * crash finishes it without doubling anything.
 */
export function createPlanApplier(deps: ApplyDeps) {
  async function personFor(actor: AuthUser, planned: PlannedActor) {
    const id = planned.personId;
    const wanted = planned.newPerson;
    if (id) return PersonModel.findOne({ _id: id, userId: actor.id }).lean<PersonDoc>();
    if (!wanted) return null;
    const sortName = normalizeName(fullName(wanted));
    const known = await PersonModel.findOne({ userId: actor.id, sortName }).lean<PersonDoc>();
    if (known) return known;
    const created = await deps.createPerson(actor, { name: wanted.name, lastName: wanted.lastName });
    return PersonModel.findOne({ _id: created.id, userId: actor.id }).lean<PersonDoc>();
  }

  /** An actor already linked to the person is updated, not doubled (the unique `personKey` settles a race). */
  async function linkActor(actor: AuthUser, situationId: string, person: PersonDoc, situationRole: string) {
    const personKey = String(person._id);
    const snapshot = { name: fullName(person), role: person.role, ...(situationRole ? { situationRole } : {}) };
    const mine = { userId: actor.id, situationId, personKey };
    let created = false;
    if (!(await SituationActorModel.exists(mine))) {
      try {
        await SituationActorModel.create({ ...mine, personId: person._id, ...snapshot });
        created = true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    if (!created) await SituationActorModel.updateOne(mine, { $set: snapshot });
    const saved = await SituationActorModel.findOne(mine).lean<SituationActorDoc>();
    if (!saved) return;
    const type = created ? 'situationActor.created' : 'situationActor.updated';
    await deps.events.emit({ type, userId: actor.id, data: toActorDto(saved) });
  }

  async function addQuestions(userId: string, situationId: string, actorId: string, questions: string[]) {
    const current = await SituationQuestionsModel.findOne({ userId, situationId, actorId }).lean<SituationQuestionsDoc>();
    const kept = current?.questions.map(({ q, r }) => ({ q, r })) ?? [];
    const asked = new Set(kept.map(({ q }) => sameQuestion(q)));
    const added = questions.filter((q) => !asked.has(sameQuestion(q))).map((q) => ({ q, r: '' }));
    if (current && added.length === 0) return;
    await deps.answers.saveQuestions(userId, situationId, actorId, [...kept, ...added]);
  }

  return async function apply(actor: AuthUser, situationId: string, plan: AiPlan) {
    if (plan.kind === 'generateSummary') {
      await deps.answers.saveSummary(actor.id, situationId, plan.text);
      return;
    }
    if (plan.kind === 'generateQuestions') {
      const live = new Set(
        (await SituationActorModel.find({ userId: actor.id, situationId }, { _id: 1 }).lean()).map((a) => String(a._id)),
      );
      for (const { actorId, questions } of plan.actors) {
        if (live.has(actorId)) await addQuestions(actor.id, situationId, actorId, questions); // removed meanwhile: skipped
      }
      return;
    }
    for (const planned of plan.actors) {
      const person = await personFor(actor, planned);
      if (person) await linkActor(actor, situationId, person, planned.situationRole);
    }
  };
}
