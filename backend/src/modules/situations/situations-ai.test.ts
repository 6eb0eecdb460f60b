import { routes } from '@panoramix/contracts';
import type { SituationAiJob, SituationAiKind, SituationDetail } from '@panoramix/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer } from '../../../test/fake-model-server.ts';
import { byId, recordEvents, settle, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';
import { PersonModel } from '../people/model.ts';
import { aiJobId } from './ai-jobs.ts';
import { SituationAiJobModel, SituationSummaryModel } from './model.ts';

const s = routes.situations;
let fake: Awaited<ReturnType<typeof startFakeModelServer>>;
let app: TestApp;
beforeAll(async () => {
  fake = await startFakeModelServer();
  app = await startTestApp({
    AI_CHAT_PROVIDER: 'openai',
    AI_CHAT_MODEL: 'fake-chat',
    OPENAI_BASE_URL: `${fake.url}/v1`,
    AI_TIMEOUT_MS: '1500',
  });
});
afterAll(async () => {
  await app.close();
  await fake.close();
});
beforeEach(() => {
  fake.state.mode = 'ok';
  fake.state.answers.length = 0;
});

const chatRequests = () => fake.state.requests.filter((r) => r.path === '/v1/chat/completions');
/** The system and user messages of the n-th chat request from the end (1 = the last). */
const sentPrompt = (fromEnd = 1) => {
  const messages = chatRequests().at(-fromEnd)?.body.messages as { role: string; content: string }[];
  return { system: messages.find((m) => m.role === 'system')!.content, user: messages.find((m) => m.role === 'user')!.content };
};

const detail = async (user: TestUser, id: string): Promise<SituationDetail> => (await user.call(s.get, byId(id))).body;

/** Queues the action and waits for its job to end; resolves with the job's final state. */
async function runAi(user: TestUser, situationId: string, kind: SituationAiKind): Promise<SituationAiJob> {
  const res = await user.call(s.runAi, { params: { id: situationId, kind } });
  expect(res.status).toBe(202);
  expect(res.body).toMatchObject({ situationId, kind, status: 'queued', error: null, finishedAt: null });
  let job: SituationAiJob | undefined;
  await expect
    .poll(
      async () => {
        job = (await detail(user, situationId)).aiJobs.find((j) => j.kind === kind);
        return job?.status;
      },
      { timeout: 30_000 },
    )
    .toMatch(/^(done|failed)$/);
  return job!;
}

async function situationWith(user: TestUser, description: string, actorNames: string[] = []) {
  const situation = (await user.call(s.create, { body: { title: 'Départ de Paul', description } })).body;
  const actors = [];
  for (const name of actorNames)
    actors.push((await user.call(s.createActor, { params: { id: situation.id }, body: { name, situationRole: 'témoin' } })).body);
  return { situation, actors };
}

const person = async (user: TestUser, name: string, lastName: string, role = '') =>
  (await user.call(routes.people.create, { body: { name, lastName, role } })).body;

const fiveQuestions = (who: string) => [1, 2, 3, 4, 5].map((i) => `Question ${i} pour ${who} ?`);

// Each test runs jobs through the poller and a model server: generous on a loaded machine (no timing is asserted).
describe('situation AI actions', { timeout: 120_000 }, () => {
  it('extracts actors: links known people by id or name, creates the missing ones as mine, updates an actor already linked', async () => {
    const user = await app.newUser();
    const elodie = await person(user, 'Élodie', 'Dupont', 'Développeuse');
    const paul = await person(user, 'Paul', 'Martin', 'Chef de projet');
    const { situation } = await situationWith(user, 'Paul part en mars ; Élodie et Chloé Bernard reprennent ses dossiers.');
    const paulActor = (await user.call(s.createActor, { params: { id: situation.id }, body: { personId: paul.id } })).body;
    const events = recordEvents(await app.socket(user.token));

    fake.state.answers.push(
      '```json\n' +
        JSON.stringify({
          actors: [
            { personId: paul.id, name: 'Paul Martin', situationRole: 'Celui qui part' },
            { personId: null, name: 'elodie dupont', situationRole: 'Reprend les dossiers' },
            { personId: null, name: 'Chloé Bernard', situationRole: 'Renfort' },
          ],
        }) +
        '\n```',
    );
    const job = await runAi(user, situation.id, 'extractActors');
    expect(job).toMatchObject({ status: 'done', error: null, finishedAt: expect.any(String) });

    // The model read the description and the roster with ids, in French by default.
    const prompt = sentPrompt();
    expect(prompt.system).toMatch(/Réponds uniquement par un objet JSON/);
    expect(prompt.user).toContain('Paul part en mars');
    expect(prompt.user).toContain(`${elodie.id} | Élodie | Dupont`);

    const actors = (await detail(user, situation.id)).actors;
    expect(actors.map((a) => [a.name, a.situationRole])).toEqual([
      ['Paul Martin', 'Celui qui part'],
      ['Élodie Dupont', 'Reprend les dossiers'],
      ['Chloé Bernard', 'Renfort'],
    ]);
    expect(actors[0]!.id).toBe(paulActor.id); // updated, not doubled
    expect(actors[1]).toMatchObject({ personId: elodie.id, role: 'Développeuse' });
    const chloe = await PersonModel.findOne({ userId: user.id, name: 'Chloé' }).lean();
    expect(chloe).toMatchObject({ lastName: 'Bernard' }); // owned by the user: their people list has her
    expect(actors[2]!.personId).toBe(String(chloe!._id));
    expect((await user.call(routes.people.list, { query: { q: 'chloe' } })).body.items.map((p) => p.name)).toEqual(['Chloé']);

    const statuses = events.filter((e) => e.type === 'situationAi.updated').map((e) => e.data.status);
    expect(statuses).toEqual(['queued', 'running', 'done']);
    // The changes arrive before the job says done.
    const types = events.map((e) => e.type);
    expect(types.lastIndexOf('situationActor.created')).toBeLessThan(types.lastIndexOf('situationAi.updated'));
    expect(types).toContain('person.created');
  });

  it('generates 5 to 7 neutral questions per actor, merged with the earlier ones and their answers', async () => {
    const user = await app.newUser();
    const { situation, actors } = await situationWith(user, 'Conflit sur le planning', ['Alice', 'Bruno']);
    const [alice, bruno] = actors as [(typeof actors)[0], (typeof actors)[0]];
    await user.call(s.putQuestions, {
      params: { id: situation.id, actorId: alice.id },
      body: { questions: [{ q: 'Question 1 pour Alice ?', r: 'Elle est débordée' }] },
    });
    fake.state.answers.push(
      JSON.stringify({
        actors: [
          { actorId: alice.id, questions: fiveQuestions('Alice') },
          { actorId: bruno.id, questions: [...fiveQuestions('Bruno'), 'Question 6 pour Bruno ?'] },
        ],
      }),
    );
    expect((await runAi(user, situation.id, 'generateQuestions')).status).toBe('done');
    expect(sentPrompt().system).toMatch(/neutres/);
    expect(sentPrompt().user).toContain('Elle est débordée'); // earlier answers are taken into account

    const questions = (await detail(user, situation.id)).questions;
    const of = (actorId: string) => questions.find((q) => q.actorId === actorId)!.questions;
    expect(of(alice.id)[0]).toEqual({ q: 'Question 1 pour Alice ?', r: 'Elle est débordée' }); // kept with its answer
    expect(of(alice.id)).toHaveLength(5); // the repeated question is not added twice
    expect(of(bruno.id)).toHaveLength(6);
    expect(of(bruno.id).every((q) => q.r === '')).toBe(true);
  });

  it('asks again once after a malformed answer, then applies the good one', async () => {
    const user = await app.newUser();
    const { situation } = await situationWith(user, 'Réorganisation', ['Alice']);
    const before = chatRequests().length;
    fake.state.answers.push('Voici la synthèse : tout va bien.', JSON.stringify({ summary: '## Synthèse\n\nTout va bien.' }));
    expect((await runAi(user, situation.id, 'generateSummary')).status).toBe('done');
    expect(chatRequests().length - before).toBe(2);
    expect((await detail(user, situation.id)).summary?.text).toBe('## Synthèse\n\nTout va bien.');
  });

  it('fails with the reason after two malformed answers, writing nothing', async () => {
    const user = await app.newUser();
    const { situation, actors } = await situationWith(user, 'Tension', ['Alice', 'Bruno']);
    await user.call(s.putSummary, { params: { id: situation.id }, body: { text: 'Mon résumé' } });

    // Questions for one of the two actors only: the whole answer is refused, nothing written for Alice either.
    const half = JSON.stringify({ actors: [{ actorId: actors[0]!.id, questions: fiveQuestions('Alice') }] });
    fake.state.answers.push(half, half);
    const questionsJob = await runAi(user, situation.id, 'generateQuestions');
    expect(questionsJob).toMatchObject({ status: 'failed', error: { reason: 'malformed-answer' } });
    expect(questionsJob.error!.detail).toMatch(/every actor needs questions/);
    expect((await detail(user, situation.id)).questions).toEqual([]);

    fake.state.answers.push('pas du JSON', '{"summary": 42}');
    const summaryJob = await runAi(user, situation.id, 'generateSummary');
    expect(summaryJob).toMatchObject({ status: 'failed', error: { reason: 'malformed-answer' } });
    expect((await detail(user, situation.id)).summary?.text).toBe('Mon résumé');
  });

  it('reports a model that does not answer in time, and answers a second request with the running job', async () => {
    const user = await app.newUser();
    const { situation } = await situationWith(user, 'Lenteur', ['Alice']);
    fake.state.mode = 'hang';
    const before = chatRequests().length;
    const first = await user.call(s.runAi, { params: { id: situation.id, kind: 'generateSummary' } });
    const second = await user.call(s.runAi, { params: { id: situation.id, kind: 'generateSummary' } });
    expect(second.status).toBe(202);
    expect(second.body.queuedAt).toBe(first.body.queuedAt); // the same run, not a second one
    await expect.poll(async () => (await detail(user, situation.id)).aiJobs[0]?.status, { timeout: 30_000 }).toBe('failed');
    const job = (await detail(user, situation.id)).aiJobs[0]!;
    expect(job.error).toMatchObject({ reason: 'timeout', detail: expect.stringMatching(/1500 ms/) });
    expect(chatRequests().length - before).toBe(1);
    expect((await detail(user, situation.id)).summary).toBeNull();
  });

  it('fails without asking when there is no actor to question', async () => {
    const user = await app.newUser();
    const { situation } = await situationWith(user, 'Personne');
    const before = chatRequests().length;
    expect(await runAi(user, situation.id, 'generateQuestions')).toMatchObject({
      status: 'failed',
      error: { reason: 'no-actors' },
    });
    expect(chatRequests().length).toBe(before);
  });

  it('asks in English for a user who chose English', async () => {
    const user = await app.newUser();
    await user.call(routes.preferences.update, { body: { language: 'en' } });
    const { situation } = await situationWith(user, 'Paul leaves', ['Paul']);
    fake.state.answers.push(JSON.stringify({ summary: 'Paul leaves in March.' }));
    expect((await runAi(user, situation.id, 'generateSummary')).status).toBe('done');
    expect(sentPrompt().system).toMatch(/^You help understand a tricky situation/);
  });

  it('a run interrupted while writing its plan finishes it on the next run, without asking the model or doubling anything', async () => {
    const user = await app.newUser();
    const { situation } = await situationWith(user, 'Arrivée de Chloé');
    // The state a crash leaves after the plan was stored and its new person written, before the actor.
    const runId = 'run-interrupted';
    const jobId = aiJobId(situation.id, 'extractActors');
    await SituationAiJobModel.create({
      _id: jobId,
      userId: user.id,
      situationId: situation.id,
      kind: 'extractActors',
      status: 'running',
      runId,
      queuedAt: new Date(),
      plan: {
        kind: 'extractActors',
        actors: [{ personId: null, newPerson: { name: 'Chloé', lastName: 'Bernard' }, situationRole: 'Renfort' }],
      },
    });
    await person(user, 'Chloé', 'Bernard');
    const before = chatRequests().length;

    const run = app.server.services.situations.ai.jobs[0]!.run;
    await run({ jobId, runId, actor: { id: user.id, username: user.username, role: 'user' } });
    const after = await detail(user, situation.id);
    expect(after.actors.map((a) => [a.name, a.situationRole])).toEqual([['Chloé Bernard', 'Renfort']]);
    expect(after.aiJobs[0]).toMatchObject({ status: 'done' });
    expect(await PersonModel.countDocuments({ userId: user.id, name: 'Chloé' })).toBe(1);
    expect(chatRequests().length).toBe(before);
  });

  it('tells only the owner about its jobs, and a stranger cannot start one', async () => {
    const owner = await app.newUser();
    const eve = await app.newUser();
    const seenByEve = recordEvents(await app.socket(eve.token));
    const { situation } = await situationWith(owner, 'Privé', ['Alice']);
    expect((await eve.call(s.runAi, { params: { id: situation.id, kind: 'generateSummary' } })).status).toBe(404);
    fake.state.answers.push(JSON.stringify({ summary: 'Secret' }));
    expect((await runAi(owner, situation.id, 'generateSummary')).status).toBe('done');
    await settle();
    expect(seenByEve.filter((e) => e.type.startsWith('situation'))).toEqual([]);
    expect(await SituationSummaryModel.countDocuments({ userId: eve.id })).toBe(0);
  });
});
