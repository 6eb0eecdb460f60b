import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, routes } from '../support/api.ts';
import { newPage, screenshot } from '../support/browser.ts';
import { signIn } from '../support/journey.ts';
import { signUp, withModelStack } from '../support/model-stack.ts';

const setup = withModelStack();

test('reporting: the last 24 hours of a project, the written report, then tasks imported from pasted text after review', async () => {
  const baseUrl = setup.stack.baseUrl;
  const user = await signUp(baseUrl, 'rapporteur', 'Rapporteur');
  const token = user.token;
  const site = await api(routes.projects.create, { baseUrl, token, body: { name: 'Site web' } });
  await api(routes.tasks.create, { baseUrl, token, body: { title: 'Publier la page', projectId: site.id, status: 'done' } });

  const { page } = await newPage(setup.browser, { baseUrl, width: 390, height: 844 });
  await signIn(page, user, '/reporting');
  const activity = page.getByRole('list', { name: 'Activité' });
  await activity.getByText('Publier la page').waitFor();
  await activity.getByText('Projet créé').waitFor();

  setup.model.state.answers.push('## Site web\n\n- La page est publiée');
  await page.getByRole('button', { name: 'Rédiger le rapport' }).click();
  await page.getByText('La page est publiée').waitFor();

  // Importer des tâches: the model's proposal is reviewed (one unchecked, one renamed), then created.
  setup.model.state.answers.push(
    JSON.stringify({
      tasks: [
        { title: 'Corriger le menu', notes: 'sur mobile', projectId: site.id },
        { title: 'Réserver la salle', newProject: 'Séminaire' },
        { title: 'Hors sujet' },
      ],
    }),
  );
  await page
    .getByRole('textbox', { name: 'Texte à analyser' })
    .fill('Le menu est cassé sur mobile. Il faut une salle pour le séminaire.');
  await page.getByRole('button', { name: 'Proposer des tâches' }).click();
  const review = page.getByRole('list', { name: 'Tâches proposées' });
  await review.waitFor();
  await page.getByRole('checkbox', { name: 'Garder « Hors sujet »' }).uncheck();
  await review.getByRole('textbox', { name: 'Titre' }).first().fill('Corriger le menu mobile');
  await page.getByRole('button', { name: 'Créer 2 tâches' }).click();
  await page.getByText('2 tâches créées.').waitFor();
  await screenshot(page, 'reporting-phone');

  const tasks = (await api(routes.tasks.list, { baseUrl, token })).items;
  const projects = (await api(routes.projects.list, { baseUrl, token })).items;
  const seminar = projects.find((p) => p.name === 'Séminaire');
  assert.ok(seminar);
  assert.deepEqual(
    tasks.map((t) => [t.title, t.projectId]).sort(),
    [
      ['Corriger le menu mobile', site.id],
      ['Publier la page', site.id],
      ['Réserver la salle', seminar.id],
    ].sort(),
  );
});
