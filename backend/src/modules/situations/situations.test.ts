import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTestApp } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';
import { removeSituation } from './cascade.ts';
import {
  SituationActorModel,
  SituationModel,
  SituationNoteModel,
  SituationQuestionsModel,
  SituationSummaryModel,
} from './model.ts';

const ctx = useTestApp();

const s = routes.situations;

async function newSituation(user: TestUser, title = 'Tension dans l’équipe') {
  const res = await user.call(s.create, { body: { title, description: 'Alice et Bruno ne se parlent plus.' } });
  expect(res.status).toBe(201);
  return res.body;
}

async function newActor(
  user: TestUser,
  situationId: string,
  body: { name?: string; personId?: string | null } = { name: 'Bruno' },
) {
  const res = await user.call(s.createActor, { params: { id: situationId }, body });
  expect(res.status).toBe(201);
  return res.body;
}

async function newPerson(user: TestUser, name: string, lastName = '') {
  const res = await user.call(routes.people.create, { body: { name, lastName, role: 'Développeuse' } });
  expect(res.status).toBe(201);
  return res.body;
}

/** What a user still has: situations, actors, notes, questions, summaries. */
const left = (userId: string) =>
  Promise.all([
    SituationModel.countDocuments({ userId }),
    SituationActorModel.countDocuments({ userId }),
    SituationNoteModel.countDocuments({ userId }),
    SituationQuestionsModel.countDocuments({ userId }),
    SituationSummaryModel.countDocuments({ userId }),
  ]);

/** A situation with one actor, a note about them, their questions and a summary. */
async function fullSituation(user: TestUser) {
  const situation = await newSituation(user);
  const actor = await newActor(user, situation.id);
  const params = { id: situation.id, actorId: actor.id };
  await user.call(s.createNote, { params: { id: situation.id }, body: { actorId: actor.id, content: 'Parle peu' } });
  await user.call(s.createNote, { params: { id: situation.id }, body: { content: '# Contexte\n' } });
  await user.call(s.putQuestions, { params, body: { questions: [{ q: 'Comment ça va ?' }] } });
  await user.call(s.putSummary, { params: { id: situation.id }, body: { text: 'Résumé' } });
  return { situation, actor };
}

describe('situations', () => {
  it('requires authentication and names an invalid field', async () => {
    expectProblem(await ctx.app.client().call(s.list), 401);
    const user = await ctx.app.newUser();
    const blank = expectProblem(await user.call(s.create, { body: { title: '  ' } }), 400);
    expect(blank.errors?.[0]).toMatchObject({ path: 'body.title', message: 'must not be empty' });
    const situation = await newSituation(user);
    const noName = expectProblem(await user.call(s.createActor, { params: { id: situation.id }, body: {} }), 400);
    expect(noName.errors?.[0]?.path).toBe('body.name');
    const badKind = await user.api.request('POST', `/api/situations/${situation.id}/ai/doEverything`);
    expect(expectProblem(badKind, 400).errors?.[0]?.path).toBe('params.kind');
  });

  it('creates with the default title, lists the last changed first, reads everything in one answer', async () => {
    const user = await ctx.app.newUser();
    const created = await user.call(s.create, { body: {} });
    expect(created.body).toMatchObject({ title: 'Nouvelle situation', description: '', userId: user.id });
    const other = await newSituation(user, 'Réorganisation');
    await user.call(s.update, { ...byId(created.body.id), body: { description: 'Deux équipes fusionnent' } });

    const list = await user.call(s.list, { query: { limit: 1 } });
    expect(list.body.items.map((i) => i.id)).toEqual([created.body.id]);
    const rest = await user.call(s.list, { query: { limit: 1, cursor: list.body.nextCursor! } });
    expect(rest.body).toMatchObject({ items: [{ id: other.id }], nextCursor: null });
    expect((await user.call(s.list, { query: { q: 'réorg' } })).body.items.map((i) => i.title)).toEqual(['Réorganisation']);

    const { situation, actor } = await fullSituation(user);
    const detail = (await user.call(s.get, byId(situation.id))).body;
    expect(detail.situation.id).toBe(situation.id);
    expect(detail.actors).toMatchObject([{ id: actor.id, name: 'Bruno', personId: null }]);
    expect(detail.notes.map((n) => [n.actorId, n.content])).toEqual([
      [actor.id, 'Parle peu'],
      [null, '# Contexte\n'], // Markdown is kept as typed
    ]);
    expect(detail.questions).toMatchObject([{ actorId: actor.id, questions: [{ q: 'Comment ça va ?', r: '' }] }]);
    expect(detail.summary).toMatchObject({ situationId: situation.id, text: 'Résumé' });
    expect(detail).toMatchObject({ aiJobs: [], aiAvailable: false });
  });

  it('links an actor to a person of mine, copying name and role, at most once per situation', async () => {
    const user = await ctx.app.newUser();
    const situation = await newSituation(user);
    const person = await newPerson(user, 'Élodie', 'Dupont');
    const actor = await newActor(user, situation.id, { personId: person.id });
    expect(actor).toMatchObject({ personId: person.id, name: 'Élodie Dupont', role: 'Développeuse' });

    const again = expectProblem(
      await user.call(s.createActor, { params: { id: situation.id }, body: { personId: person.id } }),
      409,
    );
    expect(again.errors?.[0]?.path).toBe('body.personId');
    // Two additions at once: the unique key lets one in.
    const other = await newSituation(user);
    const both = await Promise.all(
      [1, 2].map(() => user.call(s.createActor, { params: { id: other.id }, body: { personId: person.id } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    // Free-text actors never collide; relinking one to a person already there does.
    const free = await newActor(user, situation.id, { name: 'Bruno' });
    await newActor(user, situation.id, { name: 'Bruno' });
    const relink = await user.call(s.updateActor, {
      params: { id: situation.id, actorId: free.id },
      body: { personId: person.id },
    });
    expectProblem(relink, 409);

    const stranger = await newPerson(await ctx.app.newUser(), 'Zoé');
    const notMine = await user.call(s.createActor, { params: { id: situation.id }, body: { personId: stranger.id } });
    expect(expectProblem(notMine, 400).errors?.[0]).toMatchObject({ path: 'body.personId', message: 'no such person' });
  });

  it('refuses a note about an actor of another situation', async () => {
    const user = await ctx.app.newUser();
    const { actor } = await fullSituation(user);
    const other = await newSituation(user);
    const res = await user.call(s.createNote, { params: { id: other.id }, body: { actorId: actor.id, content: 'x' } });
    expect(expectProblem(res, 400).errors?.[0]?.path).toBe('body.actorId');
  });

  it('keeps one questions document per actor, whose answers the user edits', async () => {
    const user = await ctx.app.newUser();
    const { situation, actor } = await fullSituation(user);
    const params = { id: situation.id, actorId: actor.id };
    const writes = await Promise.all(
      ['A', 'B'].map((r) => user.call(s.putQuestions, { params, body: { questions: [{ q: 'Comment ça va ?', r }] } })),
    );
    expect(writes.map((w) => w.status)).toEqual([200, 200]);
    expect(await SituationQuestionsModel.countDocuments({ userId: user.id, actorId: actor.id })).toBe(1);
    expect((await user.call(s.removeQuestions, { params })).status).toBe(204);
    expect((await user.call(s.get, byId(situation.id))).body.questions).toEqual([]);
    expectProblem(await user.call(s.removeQuestions, { params }), 404);
  });

  it('deleting an actor deletes its notes and questions, not the general notes', async () => {
    const user = await ctx.app.newUser();
    const { situation, actor } = await fullSituation(user);
    const events = recordEvents(await ctx.app.socket(user.token));
    expect((await user.call(s.removeActor, { params: { id: situation.id, actorId: actor.id } })).status).toBe(204);
    const detail = (await user.call(s.get, byId(situation.id))).body;
    expect(detail.actors).toEqual([]);
    expect(detail.notes.map((n) => n.content)).toEqual(['# Contexte\n']);
    expect(detail.questions).toEqual([]);
    await expect.poll(() => events.map((e) => e.type)).toContain('situationActor.deleted');
  });

  it('another user can neither read, change nor delete a situation or anything in it', async () => {
    const owner = await ctx.app.newUser();
    const eve = await ctx.app.newUser();
    const { situation, actor } = await fullSituation(owner);
    const note = (await owner.call(s.get, byId(situation.id))).body.notes[0]!;
    const id = { id: situation.id };
    const actorParams = { id: situation.id, actorId: actor.id };
    const noteParams = { id: situation.id, noteId: note.id };

    const attempts = [
      eve.call(s.get, { params: id }),
      eve.call(s.update, { params: id, body: { title: 'pris' } }),
      eve.call(s.remove, { params: id }),
      eve.call(s.createActor, { params: id, body: { name: 'Intrus' } }),
      eve.call(s.updateActor, { params: actorParams, body: { name: 'Intrus' } }),
      eve.call(s.removeActor, { params: actorParams }),
      eve.call(s.createNote, { params: id, body: { content: 'x' } }),
      eve.call(s.updateNote, { params: noteParams, body: { content: 'x' } }),
      eve.call(s.removeNote, { params: noteParams }),
      eve.call(s.putQuestions, { params: actorParams, body: { questions: [] } }),
      eve.call(s.removeQuestions, { params: actorParams }),
      eve.call(s.putSummary, { params: id, body: { text: 'x' } }),
      eve.call(s.removeSummary, { params: id }),
      eve.call(s.runAi, { params: { ...id, kind: 'generateSummary' } }),
    ];
    for (const res of await Promise.all(attempts)) expectProblem(res, 404);
    expect((await eve.call(s.list)).body.items).toEqual([]);

    const detail = (await owner.call(s.get, byId(situation.id))).body;
    expect(detail.situation.title).toBe(situation.title);
    expect(detail.actors.map((a) => a.name)).toEqual(['Bruno']);
    expect(detail.notes.map((n) => n.content)).toEqual(['Parle peu', '# Contexte\n']);
    expect(detail.questions[0]?.questions).toEqual([{ q: 'Comment ça va ?', r: '' }]);
    expect(detail.summary?.text).toBe('Résumé');
  });

  it('sends its events to the owner alone', async () => {
    const owner = await ctx.app.newUser();
    const eve = await ctx.app.newUser();
    const ownerSocket = await ctx.app.socket(owner.token);
    const seenByEve = recordEvents(await ctx.app.socket(eve.token));
    const created = nextEvent(ownerSocket, 'situation.created');
    const situation = await newSituation(owner);
    expect((await created).id).toBe(situation.id);
    const noted = nextEvent(ownerSocket, 'situationNote.created');
    await owner.call(s.createNote, { params: { id: situation.id }, body: { content: 'Privé' } });
    expect((await noted).content).toBe('Privé');
    const deleted = nextEvent(ownerSocket, 'situation.deleted');
    await owner.call(s.remove, byId(situation.id));
    expect(await deleted).toEqual({ id: situation.id });
    await settle();
    expect(seenByEve.filter((e) => e.type.startsWith('situation'))).toEqual([]);
  });

  it('deleting a situation hides it at once, then the job removes its content, the situation last', async () => {
    const user = await ctx.app.newUser();
    const { situation } = await fullSituation(user);
    expect((await user.call(s.remove, byId(situation.id))).status).toBe(204);
    expectProblem(await user.call(s.get, byId(situation.id)), 404);
    expect((await user.call(s.list)).body.items).toEqual([]);
    expectProblem(await user.call(s.createNote, { params: { id: situation.id }, body: { content: 'trop tard' } }), 404);

    await expect.poll(() => left(user.id), { timeout: 10_000 }).toEqual([0, 0, 0, 0, 0]);
  });

  it('answers the AI actions with a 503 problem when no language model is configured, and the rest works', async () => {
    const user = await ctx.app.newUser();
    const { situation } = await fullSituation(user);
    for (const kind of ['extractActors', 'generateQuestions', 'generateSummary'] as const) {
      const res = expectProblem(await user.call(s.runAi, { params: { id: situation.id, kind } }), 503);
      expect(res.type).toBe('urn:panoramix:problem:service-unavailable');
    }
    const after = (await user.call(s.get, byId(situation.id))).body;
    expect(after).toMatchObject({ aiAvailable: false, aiJobs: [], summary: { text: 'Résumé' } });
  });

  it('a cascade interrupted between steps is finished by the next run', async () => {
    const user = await ctx.app.newUser();
    const { situation } = await fullSituation(user);
    // The state a crash after the first step leaves: marked, notes gone, the rest still there.
    await SituationModel.updateOne({ _id: situation.id, userId: user.id }, { $set: { deletingAt: new Date() } });
    await SituationNoteModel.deleteMany({ userId: user.id, situationId: situation.id });
    expect(await SituationActorModel.countDocuments({ userId: user.id })).toBe(1);

    await removeSituation(situation.id, user.id);
    expect(await left(user.id)).toEqual([0, 0, 0, 0, 0]);
    await removeSituation(situation.id, user.id); // and once more: nothing left to do, no error
  });

  it('a cascade run before the situation is marked waits and removes nothing', async () => {
    const user = await ctx.app.newUser();
    const { situation } = await fullSituation(user);
    await expect(removeSituation(situation.id, user.id)).rejects.toThrow(/not marked/);
    expect((await user.call(s.get, byId(situation.id))).body.notes).toHaveLength(2);
  });
});
