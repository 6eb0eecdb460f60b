import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { runCommand, signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const count = (page: Page, status: string) => page.locator(`.count[data-status="${status}"] .count-value`);
const taskTitles = (page: Page) => page.getByRole('list', { name: 'Liste des tâches' }).locator('.inline-text').allTextContents();

test('a project and its tasks typed from the keyboard, completed and reordered, counted live on the dashboard of another browser', async () => {
  const user = await newUser();
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, user, '/projects');
  await signIn(b.page, user, '/home');
  await b.page.getByRole('heading', { name: 'Tâches par statut' }).waitFor();
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);
  await b.page.getByText('Aucun projet actif.').waitFor();

  // A project, from the palette.
  await runCommand(a.page, 'nouveau projet');
  const dialog = a.page.getByRole('dialog', { name: 'Nouveau projet' });
  await dialog.getByLabel('Nom').fill('Lancement');
  await dialog.getByLabel('Santé').selectOption('green');
  await dialog.getByRole('button', { name: 'Créer le projet' }).click();
  // Created: its page opens.
  await a.page.getByRole('heading', { level: 1 }).getByRole('button', { name: 'Lancement' }).waitFor();
  await b.page.getByRole('link', { name: 'Lancement' }).first().waitFor();
  await screenshot(a.page, 'projects-light');

  // Tasks typed one after another: Enter creates and keeps the focus. The newest goes on top.
  await runCommand(a.page, 'nouvelle tâche');
  await a.page.waitForURL('**/tasks?new');
  await a.page.waitForFunction(() => document.activeElement?.id === 'quick-add-input');
  for (const title of ['Rédiger le plan', 'Réserver la salle', 'Envoyer les invitations', 'Commander le café']) {
    await a.page.keyboard.type(title);
    await a.page.keyboard.press('Enter');
  }
  await a.page.getByRole('button', { name: 'Rédiger le plan', exact: true }).waitFor();
  await a.page.waitForFunction(() => document.querySelectorAll('.task-row').length === 4);
  assert.deepEqual(await taskTitles(a.page), [
    'Commander le café',
    'Envoyer les invitations',
    'Réserver la salle',
    'Rédiger le plan',
  ]);
  await assertText(count(b.page, 'todo'), '4');

  // Reorder from the keyboard: the oldest task climbs to the top, and stays there after a reload.
  await a.page.getByRole('button', { name: 'Rédiger le plan', exact: true }).focus();
  const saved = a.page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/tasks/'));
  for (let i = 0; i < 3; i++) await a.page.keyboard.press('Alt+ArrowUp');
  await a.page.waitForFunction(() => document.querySelector('.task-row .inline-text')?.textContent === 'Rédiger le plan');
  await saved; // three moves, one write: the final rank
  await a.page.reload();
  await a.page.getByRole('button', { name: 'Rédiger le plan', exact: true }).waitFor();
  assert.deepEqual(await taskTitles(a.page), [
    'Rédiger le plan',
    'Commander le café',
    'Envoyer les invitations',
    'Réserver la salle',
  ]);

  // Inline edit: Enter validates.
  await a.page.getByRole('button', { name: 'Commander le café', exact: true }).click();
  await a.page.getByLabel('Titre').fill('Commander le café et les croissants');
  await a.page.keyboard.press('Enter');
  await a.page.getByRole('button', { name: 'Commander le café et les croissants', exact: true }).waitFor();

  // Complete one, then two at once: they leave the open list, and B's counts follow.
  await a.page.getByLabel('Terminer Réserver la salle').click(); // the row leaves the open list at once
  await assertText(count(b.page, 'done'), '1');
  await a.page.getByLabel('Sélectionner Envoyer les invitations').check();
  await a.page.getByLabel('Sélectionner Commander le café et les croissants').check();
  await a.page.getByRole('button', { name: 'Terminer la sélection' }).click();
  await assertText(count(b.page, 'done'), '3');
  await assertText(count(b.page, 'todo'), '1');
  assert.deepEqual(await taskTitles(a.page), ['Rédiger le plan']);

  // Delete, then undo from the toast: the task comes back.
  await a.page.getByRole('button', { name: 'Supprimer Rédiger le plan' }).click();
  await assertText(count(b.page, 'todo'), '0');
  await a.page.getByRole('button', { name: 'Annuler' }).click();
  await a.page.getByRole('button', { name: 'Rédiger le plan', exact: true }).waitFor();
  await assertText(count(b.page, 'todo'), '1');
  await screenshot(a.page, 'tasks-light');
  await screenshot(b.page, 'home-light');

  await runCommand(a.page, 'eisenhower');
  await a.page.getByRole('heading', { name: /Urgent et important/ }).waitFor();
  await a.page.getByLabel('Urgent : Rédiger le plan').click();
  await a.page
    .getByRole('list', { name: /Urgent, pas important/ })
    .getByText('Rédiger le plan')
    .waitFor();
  await screenshot(a.page, 'eisenhower-light');

  await b.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(b.page, 'home-dark');
  await a.context.close();
  await b.context.close();
});

async function assertText(locator: ReturnType<Page['locator']>, expected: string) {
  await locator.filter({ hasText: new RegExp(`^${expected}$`) }).waitFor();
}

test('in a shared project, a member sees who wrote the tasks and notes that are not theirs', async () => {
  const alice = await newUser({ displayName: 'Alice Martin' });
  const bruno = await newUser({ displayName: 'Bruno Petit' });
  const project = await api(routes.projects.create, { token: alice.token, body: { name: 'Chantier' } });
  await api(routes.projects.addMember, { token: alice.token, params: { id: project.id }, body: { username: bruno.username } });
  await api(routes.tasks.create, { token: bruno.token, body: { title: 'Commander le béton', projectId: project.id } });
  await api(routes.tasks.create, { token: alice.token, body: { title: 'Relire le devis', projectId: project.id } });
  const note = await api(routes.notes.create, {
    token: bruno.token,
    body: { title: 'Réunion de chantier', content: 'Livraison lundi.', projectId: project.id },
  });

  const { page, context } = await newPage(browser);
  await signIn(page, alice, `/tasks?project=${project.id}`);
  const row = (title: string) => page.locator('.task-row').filter({ hasText: title });
  await row('Commander le béton').getByText('par Bruno Petit').waitFor();
  assert.equal(await row('Relire le devis').getByText(/^par /).count(), 0);

  await page.goto(`/notes/${note.id}`);
  await page.getByText('écrite par Bruno Petit').waitFor();
  await context.close();
});
