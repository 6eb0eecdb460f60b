import { Types } from 'mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { SituationActorModel, SituationModel } from './model.ts';
import type { SituationActorDoc, SituationDoc } from './model.ts';

/** The caller's situation, unless it is being deleted; anyone else's answers 404 as if it did not exist. */
export async function ownSituation(actor: AuthUser, id: string) {
  const situation = await SituationModel.findOne({ _id: id, userId: actor.id, deletingAt: null }).lean<SituationDoc>();
  if (!situation) throw notFound('Situation');
  return situation;
}

/** An actor of this situation of the caller's (404 otherwise). */
export async function ownActor(actor: AuthUser, situationId: string, actorId: string) {
  await ownSituation(actor, situationId);
  const found = await SituationActorModel.findOne({ _id: actorId, userId: actor.id, situationId }).lean<SituationActorDoc>();
  if (!found) throw notFound('Actor');
  return found;
}

/** A note's `actorId` must name an actor of the same situation: a 400 naming the field otherwise. */
export async function checkNoteActor(actor: AuthUser, situationId: string, actorId: string | null | undefined) {
  if (!actorId) return;
  const exists = await SituationActorModel.exists({ _id: actorId, userId: actor.id, situationId });
  if (!exists)
    throw badRequest('body.actorId: no such actor in this situation', [
      { path: 'body.actorId', message: 'no such actor in this situation' },
    ]);
}

/**
 * Writes the one document `filter` selects (an actor's questions, a situation's summary): updates
 * it when it exists, else inserts it under `id`, a deterministic `_id` (the actor's, the
 * situation's), so two first writes at once still make one document: the second insert hits the
 * taken `_id` and updates instead. Documents imported under another `_id` are found by `filter`.
 */
export async function writeSingle(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the questions and summary models
  model: Model<any>,
  filter: { userId: string; situationId: string } & Record<string, string>,
  id: string,
  set: Record<string, unknown>,
): Promise<Types.ObjectId> {
  const existing = await model.findOne(filter, { _id: 1 }).lean<{ _id: Types.ObjectId }>();
  if (existing) {
    await model.updateOne({ _id: existing._id, userId: filter.userId }, { $set: set });
    return existing._id;
  }
  try {
    await model.create({ _id: id, ...filter, ...set });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await model.updateOne({ _id: id, userId: filter.userId }, { $set: set });
  }
  return new Types.ObjectId(id);
}
