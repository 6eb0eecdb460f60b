import { Types } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { PersonModel } from '../people/model.ts';
import type { PersonDoc } from '../people/model.ts';
import { ownActor, ownSituation } from './access.ts';
import { toActorDto } from './dto.ts';
import { SituationActorModel, SituationNoteModel, SituationQuestionsModel } from './model.ts';
import type { SituationActorDoc } from './model.ts';

type ActorInput = {
  personId?: string | null | undefined;
  name?: string | undefined;
  role?: string | undefined;
  situationRole?: string | undefined;
};

const fullName = (p: { name: string; lastName: string }) => `${p.name} ${p.lastName}`.trim();

/**
 * A write refused by the unique `personKey`: MongoDB says 11000 for inserts and updates alike;
 * FerretDB v1.24 says so for inserts but answers an update with an InternalError naming SQLite's constraint.
 */
const takenKey = (error: unknown) =>
  isDuplicateKey(error) || /UNIQUE constraint failed/.test(String((error as Error | null)?.message));
const alreadyActor = () =>
  conflict('This person is already an actor of this situation', [{ path: 'body.personId', message: 'already an actor here' }]);

/** The person an actor links to, one of the caller's: a 400 naming the field otherwise. */
async function linkedPerson(actor: AuthUser, personId: string) {
  const person = await PersonModel.findOne(
    { _id: personId, userId: actor.id },
    { name: 1, lastName: 1, role: 1 },
  ).lean<PersonDoc>();
  if (!person) throw badRequest('body.personId: no such person', [{ path: 'body.personId', message: 'no such person' }]);
  return person;
}

/**
 * Actors of a situation: a person of Personnes (name and role copied from them unless given) or
 * free text. A person is an actor at most once per situation: the unique `personKey` decides
 * between two simultaneous additions, and the second answers 409.
 */
export function createActorService(deps: { events: EventBus }) {
  async function create(actor: AuthUser, situationId: string, input: ActorInput) {
    await ownSituation(actor, situationId);
    const person = input.personId ? await linkedPerson(actor, input.personId) : null;
    const name = input.name ?? (person ? fullName(person) : undefined);
    if (!name)
      throw badRequest('body.name: required without a personId', [{ path: 'body.name', message: 'required without a personId' }]);
    const _id = new Types.ObjectId();
    let created;
    try {
      created = await SituationActorModel.create({
        _id,
        userId: actor.id,
        situationId,
        personId: input.personId ?? null,
        personKey: input.personId ?? String(_id),
        name,
        role: input.role ?? person?.role ?? '',
        situationRole: input.situationRole ?? '',
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw alreadyActor();
      throw error;
    }
    const dto = toActorDto(created.toObject() as SituationActorDoc);
    await deps.events.emit({ type: 'situationActor.created', userId: actor.id, data: dto });
    return dto;
  }

  async function update(actor: AuthUser, situationId: string, actorId: string, patch: ActorInput) {
    const current = await ownActor(actor, situationId, actorId);
    const relinked = patch.personId !== undefined && String(patch.personId ?? '') !== String(current.personId ?? '');
    const person = relinked && patch.personId ? await linkedPerson(actor, patch.personId) : null;
    const set: Record<string, unknown> = { ...patch };
    if (relinked) {
      set.personKey = patch.personId ?? actorId;
      if (person) {
        set.name = patch.name ?? fullName(person);
        set.role = patch.role ?? person.role;
      }
    }
    try {
      await SituationActorModel.updateOne({ _id: actorId, userId: actor.id, situationId }, { $set: set });
    } catch (error) {
      if (takenKey(error)) throw alreadyActor();
      throw error;
    }
    const updated = await SituationActorModel.findOne({ _id: actorId, userId: actor.id }).lean<SituationActorDoc>();
    if (!updated) throw notFound('Actor');
    const dto = toActorDto(updated);
    await deps.events.emit({ type: 'situationActor.updated', userId: actor.id, data: dto });
    return dto;
  }

  /** Its notes and questions first, the actor last: a crash in between leaves nothing pointing at a removed actor. */
  async function remove(actor: AuthUser, situationId: string, actorId: string) {
    await ownActor(actor, situationId, actorId);
    const mine = { userId: actor.id, situationId, actorId };
    await SituationNoteModel.deleteMany(mine);
    await SituationQuestionsModel.deleteMany(mine);
    await SituationActorModel.deleteOne({ _id: actorId, userId: actor.id });
    await deps.events.emit({ type: 'situationActor.deleted', userId: actor.id, data: { id: actorId, situationId } });
  }

  return { create, update, remove };
}

export type ActorService = ReturnType<typeof createActorService>;
