import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startFakeModelServer } from '../../backend/test/fake-model-server.ts';
import { api, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn } from '../support/journey.ts';
import { repoRoot, startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let browser: Browser;
let stack: Stack;
let model: Awaited<ReturnType<typeof startFakeModelServer>>;
before(async () => {
  model = await startFakeModelServer();
  stack = await startStack(path.join(repoRoot, 'frontend/dist'), { AI_CHAT_PROVIDER: 'ollama', OLLAMA_URL: model.url });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
  await model?.close();
});

test('reporting: the last 24 hours of a project, the written report, then tasks imported from pasted text after review', async () => {
  const baseUrl = stack.baseUrl;
  const password = 'correct horse battery';
  const session = await api(routes.auth.register, {
    baseUrl,
    body: { username: 'rapporteur', password, displayName: 'Rapporteur' },
  });
  const user = { username: 'rapporteur', password, displayName: 'Rapporteur', token: session.accessToken };
  const token = user.token;
  const site = await api(routes.projects.create, { baseUrl, token, body: { name: 'Site web' } });
  await api(routes.tasks.create, { baseUrl, token, body: { title: 'Publier la page', projectId: site.id, status: 'done' } });

  const { page } = await newPage(browser, { baseUrl, width: 390, height: 844 });
  await signIn(page, user, '/reporting');
  const activity = page.getByRole('list', { name: 'Activité' });
  await activity.getByText('Publier la page').waitFor();
  await activity.getByText('Projet créé').waitFor();

  model.state.answers.push('## Site web\n\n- La page est publiée');
  await page.getByRole('button', { name: 'Rédiger le rapport' }).click();
  await page.getByText('La page est publiée').waitFor();

  // Importer des tâches: the model's proposal is reviewed (one unchecked, one renamed), then created.
  model.state.answers.push(
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
