import { problemTypes } from '@panoramix/contracts';
import type { Team } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { HttpError, badRequest, notFound } from '../../http/problem.ts';
import { ownedBase } from '../../lib/dto.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { changeLookup, lookupChanges } from '../people/lookup.ts';
import { PersonModel } from '../people/model.ts';
import type { PersonDoc } from '../people/model.ts';
import { toPersonDto } from '../people/service.ts';
import { TeamModel } from './model.ts';
import type { TeamDoc } from './model.ts';

const toTeamDto = (t: TeamDoc, memberCount: number): Team => ({ ...ownedBase(t), name: t.name, memberCount });

/** Teams group a user's people; like people, they are private to their owner. */
export function createTeamService(deps: { events: EventBus }) {
  const mine = (actor: AuthUser, id: string) => ({ _id: id, userId: actor.id });
  const membersOf = (actor: AuthUser, teamId: string) => ({ userId: actor.id, teamId });

  async function list(actor: AuthUser) {
    const [teams, people] = await Promise.all([
      TeamModel.find({ userId: actor.id }).sort({ name: 1, _id: 1 }).lean<TeamDoc[]>(),
      PersonModel.find({ userId: actor.id, teamId: { $ne: null } }, { teamId: 1 }).lean<PersonDoc[]>(),
    ]);
    const counts = new Map<string, number>();
    for (const p of people) counts.set(String(p.teamId), (counts.get(String(p.teamId)) ?? 0) + 1);
    return { items: teams.map((t) => toTeamDto(t, counts.get(String(t._id)) ?? 0)) };
  }

  async function create(actor: AuthUser, input: { name: string }) {
    const created = await TeamModel.create({ ...input, userId: actor.id });
    const team = toTeamDto(created.toObject() as TeamDoc, 0);
    await deps.events.emit({ type: 'team.created', userId: actor.id, data: team });
    return team;
  }

  async function update(actor: AuthUser, id: string, input: { name: string }) {
    const { matchedCount } = await TeamModel.updateOne(mine(actor, id), { $set: input });
    const updated = matchedCount ? await TeamModel.findOne(mine(actor, id)).lean<TeamDoc>() : null;
    if (!updated) throw notFound('Team');
    const team = toTeamDto(updated, await PersonModel.countDocuments(membersOf(actor, id)));
    await deps.events.emit({ type: 'team.updated', userId: actor.id, data: team });
    return team;
  }

  /**
   * With members, refuses (409 with their count) unless told where they go: another team of the
   * caller's, or none. Members move first and the team goes last, so a crash in between leaves
   * nobody in a deleted team, and the same call again finishes the job.
   */
  async function remove(actor: AuthUser, id: string, options: { moveTo?: string | undefined; unassign?: boolean | undefined }) {
    if (options.moveTo && options.unassign) throw badRequest('Give moveTo or unassign, not both');
    if (options.moveTo === id)
      throw badRequest('query.moveTo: cannot be the team deleted', [
        { path: 'query.moveTo', message: 'cannot be the team deleted' },
      ]);
    if (!(await TeamModel.exists(mine(actor, id)))) throw notFound('Team');
    if (options.moveTo && !(await TeamModel.exists(mine(actor, options.moveTo)))) {
      throw badRequest('query.moveTo: no such team', [{ path: 'query.moveTo', message: 'no such team' }]);
    }
    const members = await PersonModel.find(membersOf(actor, id), { _id: 1 }).lean<PersonDoc[]>();
    if (members.length > 0) {
      if (!options.moveTo && !options.unassign) {
        throw new HttpError(
          409,
          problemTypes.teamNotEmpty,
          'Team not empty',
          `This team has ${members.length} members: move them or leave them without team`,
        );
      }
      await PersonModel.updateMany(membersOf(actor, id), { $set: { teamId: options.moveTo ?? null } });
      const moved = await PersonModel.find({ userId: actor.id, _id: { $in: members.map((m) => m._id) } }).lean<PersonDoc[]>();
      await changeLookup(actor.id, lookupChanges(moved));
      await Promise.all(moved.map((p) => deps.events.emit({ type: 'person.updated', userId: actor.id, data: toPersonDto(p) })));
    }
    await TeamModel.deleteOne(mine(actor, id));
    await deps.events.emit({ type: 'team.deleted', userId: actor.id, data: { id } });
  }

  return { list, create, update, remove };
}

export type TeamService = ReturnType<typeof createTeamService>;
