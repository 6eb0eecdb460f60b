import { problemTypes } from '@panoramix/contracts';
import type { OrgNode, PeopleFilter, PersonInput, PersonPatch, PersonRecord } from '@panoramix/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../../http/auth-guard.ts';
import { HttpError, badRequest, notFound } from '../../http/problem.ts';
import { idOrNull } from '../../lib/dto.ts';
import { escapeRegex } from '../../lib/text.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { TeamModel } from '../teams/model.ts';
import type { TeamDoc } from '../teams/model.ts';
import { derivedFields, normalizeQuery } from './derive.ts';
import { peopleCsv } from './export-csv.ts';
import { listPage } from './list-page.ts';
import { changeLookup, lookupChanges, readLookup } from './lookup.ts';
import { managerCycle } from './manager-chain.ts';
import { PersonModel } from './model.ts';
import type { PersonDoc } from './model.ts';

import { toPersonDto } from './dto.ts';

export { toPersonDto };

const fullName = (p: { name: string; lastName: string }) => `${p.name} ${p.lastName}`.trim();
const refuse = (error: { path: string; message: string }) => badRequest(`${error.path}: ${error.message}`, [error]);

/** The one filter a list reads: owner, then the filters; text matches `searchText` alone. */
export function peopleFilter(actor: AuthUser, filter: Omit<PeopleFilter, 'limit' | 'offset' | 'sort'>) {
  const q = filter.q ? normalizeQuery(filter.q) : '';
  return {
    userId: actor.id,
    ...(q ? { searchText: { $regex: escapeRegex(q) } } : {}),
    ...(filter.teamId ? { teamId: filter.teamId === 'none' ? null : filter.teamId } : {}),
    ...(filter.left !== undefined ? { left: filter.left } : {}),
    ...(filter.contactOnly !== undefined ? { contactOnly: filter.contactOnly } : {}),
  };
}

export const peopleSort = (sort: PeopleFilter['sort']): Record<string, 1 | -1> =>
  sort === 'arrival' ? { arrivalDate: -1, sortName: 1, _id: 1 } : { sortName: 1, _id: 1 };

/** People are private to their owner (the user who added or imported them), as links are. */
export function createPeopleService(deps: { events: EventBus }) {
  const mine = (actor: AuthUser, id: string) => ({ _id: id, userId: actor.id });
  const announce = (type: 'person.created' | 'person.updated', person: PersonRecord) =>
    deps.events.emit({ type, userId: person.userId, data: person });

  /**
   * The page is picked on the user's lookup, one document holding every person's record (lookup.ts):
   * on FerretDB any other read, even of one person by `_id`, reads the whole people collection
   * (a search over 10,000 took seconds, and 200 reads by `_id` longer still).
   */
  async function list(actor: AuthUser, query: PeopleFilter) {
    const { items, more } = listPage(await readLookup(actor.id), query);
    return { items, nextOffset: more ? query.offset + query.limit : null };
  }

  async function exportCsv(actor: AuthUser, query: Omit<PeopleFilter, 'limit' | 'offset'>, res: Response) {
    const [rows, teams] = await Promise.all([
      PersonModel.find(peopleFilter(actor, query)).sort(peopleSort(query.sort)).lean<PersonDoc[]>(),
      TeamModel.find({ userId: actor.id }, { name: 1 }).lean<TeamDoc[]>(),
    ]);
    const csv = peopleCsv(rows.map(toPersonDto), new Map(teams.map((t) => [String(t._id), t.name])));
    res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="people.csv"').send(csv);
  }

  async function get(actor: AuthUser, id: string) {
    const person = await PersonModel.findOne(mine(actor, id)).lean<PersonDoc>();
    if (!person) throw notFound('Person');
    return toPersonDto(person);
  }

  async function tree(actor: AuthUser): Promise<{ items: OrgNode[] }> {
    const rows = await PersonModel.find({ userId: actor.id }, { name: 1, lastName: 1, role: 1, managerId: 1, teamId: 1, left: 1 })
      .sort({ sortName: 1, _id: 1 })
      .lean<PersonDoc[]>();
    return {
      items: rows.map((p) => ({
        id: String(p._id),
        name: p.name,
        lastName: p.lastName,
        role: p.role,
        managerId: idOrNull(p.managerId),
        teamId: idOrNull(p.teamId),
        left: p.left,
      })),
    };
  }

  async function checkTeam(actor: AuthUser, teamId: string | null | undefined) {
    if (teamId && !(await TeamModel.exists({ _id: teamId, userId: actor.id })))
      throw refuse({ path: 'body.teamId', message: 'no such team' });
  }

  /** Refuses a manager who is the person, unknown, or below them: 409 naming the loop, boss first. */
  async function checkManager(actor: AuthUser, personId: string, managerId: string | null | undefined) {
    if (!managerId) return;
    if (managerId === personId) throw refuse({ path: 'body.managerId', message: 'cannot be the person themself' });
    const everyone = await PersonModel.find({ userId: actor.id }, { managerId: 1, name: 1, lastName: 1 }).lean<PersonDoc[]>();
    const byId = new Map(everyone.map((p) => [String(p._id), p]));
    if (!byId.has(managerId)) throw refuse({ path: 'body.managerId', message: 'no such person' });
    const loop = managerCycle(personId, managerId, new Map(everyone.map((p) => [String(p._id), idOrNull(p.managerId)])));
    if (!loop) return;
    const names = loop.map((id) => fullName(byId.get(id) ?? { name: id, lastName: '' }));
    throw new HttpError(409, problemTypes.managerCycle, 'Manager loop', `This manager would make a loop: ${names.join(' → ')}`, [
      { path: 'body.managerId', message: `would make a loop: ${names.join(' → ')}` },
    ]);
  }

  async function create(actor: AuthUser, input: PersonInput) {
    await checkTeam(actor, input.teamId);
    if (input.managerId && !(await PersonModel.exists(mine(actor, input.managerId))))
      throw refuse({ path: 'body.managerId', message: 'no such person' });
    const named = { name: input.name, lastName: input.lastName ?? '', aliases: input.aliases ?? [], email: input.email ?? '' };
    const created = await PersonModel.create({ ...input, ...named, ...derivedFields(named), userId: actor.id });
    const doc = created.toObject() as PersonDoc;
    await changeLookup(actor.id, lookupChanges([doc]));
    const person = toPersonDto(doc);
    await announce('person.created', person);
    return person;
  }

  async function update(actor: AuthUser, id: string, patch: PersonPatch) {
    const current = await PersonModel.findOne(mine(actor, id)).lean<PersonDoc>();
    if (!current) throw notFound('Person');
    await checkTeam(actor, patch.teamId);
    await checkManager(actor, id, patch.managerId);
    const named = {
      name: patch.name ?? current.name,
      lastName: patch.lastName ?? current.lastName,
      aliases: patch.aliases ?? current.aliases,
      email: patch.email ?? current.email,
    };
    // Written only over the version just read (a conditional write, checked: FerretDB's
    // findOneAndUpdate is not atomic), so a concurrent change of the names cannot leave stale derived fields.
    const { matchedCount } = await PersonModel.updateOne(
      { ...mine(actor, id), updatedAt: current.updatedAt },
      { $set: { ...patch, ...derivedFields(named) } },
    );
    if (matchedCount === 0)
      throw new HttpError(409, problemTypes.conflict, 'Conflict', 'This person changed meanwhile: reload and try again');
    const updated = await PersonModel.findOne(mine(actor, id)).lean<PersonDoc>();
    if (!updated) throw notFound('Person');
    await changeLookup(actor.id, lookupChanges([updated]));
    if (patch.managerId) await undoRacingLoop(actor, updated, current.managerId);
    const person = toPersonDto(updated);
    await announce('person.updated', person);
    return person;
  }

  /**
   * Two changes at once (Ana under Ben, Ben under Ana) each pass the check before the other is
   * written: re-checked after the write, a loop puts this person's manager back and answers 409.
   */
  async function undoRacingLoop(actor: AuthUser, written: PersonDoc, previous: PersonDoc['managerId']) {
    try {
      await checkManager(actor, String(written._id), String(written.managerId));
    } catch (error) {
      await PersonModel.updateOne(
        { ...mine(actor, String(written._id)), managerId: written.managerId },
        { $set: { managerId: previous ?? null } },
      );
      const restored = await PersonModel.findOne(mine(actor, String(written._id))).lean<PersonDoc>();
      if (restored) await changeLookup(actor.id, lookupChanges([restored]));
      throw error;
    }
  }

  async function remove(actor: AuthUser, id: string) {
    const person = await PersonModel.exists(mine(actor, id));
    if (!person) throw notFound('Person');
    // Reports first, the person last: a crash in between leaves no one managed by someone gone.
    const reports = await PersonModel.find({ userId: actor.id, managerId: id }, { _id: 1 }).lean<PersonDoc[]>();
    if (reports.length > 0) {
      await PersonModel.updateMany({ userId: actor.id, managerId: id }, { $set: { managerId: null } });
      const moved = await PersonModel.find({ userId: actor.id, _id: { $in: reports.map((r) => r._id) } }).lean<PersonDoc[]>();
      await changeLookup(actor.id, lookupChanges(moved));
      for (const report of moved) await announce('person.updated', toPersonDto(report));
    }
    await PersonModel.deleteOne(mine(actor, id));
    await changeLookup(actor.id, new Map([[id, null]]));
    await deps.events.emit({ type: 'person.deleted', userId: actor.id, data: { id } });
  }

  return { list, exportCsv, get, tree, create, update, remove };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
