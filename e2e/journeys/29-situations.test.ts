import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { api, routes } from '../support/api.ts';
import { newPage, screenshot } from '../support/browser.ts';
import { signIn, waitForLive } from '../support/journey.ts';
import { signUp, withModelStack } from '../support/model-stack.ts';

// The shared stack has no language model (journey 07 checks the buttons say so); this journey
// runs its own, whose model is the tests' fake server answering the scripted JSON below.
const setup = withModelStack();

const jobDone = (page: Page, kind: string) =>
  page
    .locator(`#${kind}-status`)
    .filter({ hasText: /^Terminé/ })
    .waitFor();

test('situations: an actor picked from Personnes, one typed, one extracted by the model, questions, an answer, then the summary appears in a second browser', async () => {
  const baseUrl = setup.stack.baseUrl;
  const user = await signUp(baseUrl, 'analyste', 'Analyste');
  const token = user.token;
  const person = await api(routes.people.create, { baseUrl, token, body: { name: 'Élodie', lastName: 'Dupont', role: 'CTO' } });

  const a = await newPage(setup.browser, { baseUrl });
  const b = await newPage(setup.browser, { baseUrl, width: 390, height: 844 });
  await signIn(a.page, user, '/situations');
  await signIn(b.page, user, '/situations');
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);
  await b.page.getByText('Aucune situation.', { exact: false }).waitFor();

  // c starts a situation, its title selected: typing replaces it, and it saves itself.
  await a.page.keyboard.press('c');
  const title = a.page.getByLabel('Titre');
  await title.waitFor();
  await a.page.keyboard.type('Depart de Paul');
  await a.page.getByLabel('Description').fill('Paul Martin quitte l’équipe data en mars ; Élodie doit organiser la suite.');
  await b.page
    .getByRole('list', { name: 'Situations' })
    .getByRole('link', { name: /Depart de Paul/ })
    .waitFor();

  // One actor picked from Personnes (accents ignored), one typed as free text.
  const name = a.page.getByRole('combobox', { name: 'Personne ou nom' });
  await name.fill('elodie');
  await a.page.getByRole('option', { name: /Élodie Dupont/ }).click();
  await a.page.getByRole('listitem', { name: 'Élodie Dupont' }).waitFor();
  await name.fill('Paul Martin');
  await a.page.getByLabel('Rôle dans la situation').last().fill('Part en mars');
  await name.press('Enter');
  await a.page.getByRole('listitem', { name: 'Paul Martin' }).waitFor();

  // The second browser, on a phone, opens the situation and follows along.
  // j focuses the first row and Enter opens it, as for any link.
  await b.page.keyboard.press('j');
  await b.page.keyboard.press('Enter');
  await b.page.getByRole('listitem', { name: 'Paul Martin' }).waitFor();

  // The extraction links Élodie again (her role here updated, not a second actor) and creates Marc in Personnes.
  setup.model.state.answers.push(
    JSON.stringify({
      actors: [
        { personId: person.id, name: 'Élodie Dupont', situationRole: 'Organise la suite' },
        { personId: null, name: 'Marc Petit', situationRole: 'Reprend le poste' },
      ],
    }),
  );
  await a.page.getByRole('button', { name: 'Extraire les acteurs' }).click();
  await jobDone(a.page, 'extractActors');
  await b.page.getByRole('listitem', { name: 'Marc Petit' }).waitFor();
  const elodieCard = a.page.getByRole('listitem', { name: 'Élodie Dupont' });
  assert.equal(await elodieCard.getByLabel('Rôle dans la situation').inputValue(), 'Organise la suite');
  const people = await api(routes.people.list, { baseUrl, token });
  assert.deepEqual(people.items.map((p) => `${p.name} ${p.lastName}`).sort(), ['Marc Petit', 'Élodie Dupont']);

  const [situation] = (await api(routes.situations.list, { baseUrl, token })).items;
  assert.ok(situation);
  const detail = await api(routes.situations.get, { baseUrl, token, params: { id: situation.id } });
  const [elodie, paul, marc] = detail.actors;
  assert.deepEqual(
    detail.actors.map((actor) => [actor.name, actor.role, actor.personId !== null]),
    [
      ['Élodie Dupont', 'CTO', true],
      ['Paul Martin', '', false],
      ['Marc Petit', '', true],
    ],
  );
  const ask = (who: string) => [1, 2, 3, 4, 5].map((n) => `Question ${n} pour ${who} ?`);
  setup.model.state.answers.push(
    JSON.stringify({
      actors: [
        { actorId: elodie!.id, questions: ask('Élodie') },
        { actorId: paul!.id, questions: ask('Paul') },
        { actorId: marc!.id, questions: ask('Marc') },
      ],
    }),
  );
  await a.page.getByRole('button', { name: 'Générer les questions' }).click();
  await jobDone(a.page, 'generateQuestions');
  await b.page.getByLabel('Question 3 pour Paul ?').waitFor();

  // An answer typed in A is saved once typing pauses, and the summary's prompt reads it.
  await a.page.getByLabel('Question 1 pour Paul ?').fill('Il veut rejoindre une startup');
  // B shows it as soon as it is saved (its own field untouched follows the server).
  await b.page.waitForFunction(
    (text) => Array.from(document.querySelectorAll('textarea')).some((area) => area.value === text),
    'Il veut rejoindre une startup',
  );

  setup.model.state.answers.push(
    JSON.stringify({ summary: '## Synthèse\n\nPaul part en mars.\n\n## Plan\n\n- Élodie voit Paul lundi' }),
  );
  await a.page.getByRole('button', { name: 'Générer la synthèse' }).click();
  await b.page.getByText('Élodie voit Paul lundi').waitFor();
  await jobDone(a.page, 'generateSummary');
  const prompt = JSON.stringify(setup.model.state.requests.at(-1)?.body);
  assert.match(prompt, /Il veut rejoindre une startup/);
  await screenshot(b.page, 'situations-phone');
  await screenshot(a.page, 'situations-light');

  // Deleting asks first and says what goes; the other browser sees it gone.
  await a.page.getByRole('button', { name: 'Supprimer la situation' }).click();
  const confirm = a.page.getByRole('dialog', { name: 'Supprimer « Depart de Paul » ?' });
  await confirm.getByText('Seront supprimés avec elle : 3 acteurs, 0 note', { exact: false }).waitFor();
  await confirm.getByRole('button', { name: 'Supprimer' }).click();
  await a.page.getByText('Aucune situation.', { exact: false }).waitFor();
  await b.page.getByText('Cette situation n’existe plus.').waitFor();
  await a.context.close();
  await b.context.close();
});
