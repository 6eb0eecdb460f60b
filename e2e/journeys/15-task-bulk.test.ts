import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const list = (page: Page) => page.getByRole('list', { name: 'Liste des tâches' });
const waitForRows = (page: Page, titles: string[]) =>
  page.waitForFunction(
    (expected) =>
      JSON.stringify(
        Array.from(document.querySelectorAll('[aria-label="Liste des tâches"] .inline-text'), (e) => e.textContent),
      ) === JSON.stringify(expected),
    titles,
  );

test('a bulk move to another project and a bulk delete, each undone, seen live by another member', async () => {
  const alice = await newUser({ displayName: 'Alice Martin' });
  const bob = await newUser({ displayName: 'Bob Durand' });
  const site = await api(routes.projects.create, { token: alice.token, body: { name: 'Chantier' } });
  const office = await api(routes.projects.create, { token: alice.token, body: { name: 'Bureau' } });
  for (const project of [site, office]) {
    await api(routes.projects.addMember, { token: alice.token, params: { id: project.id }, body: { username: bob.username } });
  }
  const titles = ['Couler la dalle', 'Poser les fenêtres', 'Commander le béton'];
  const created = [];
  for (const title of [...titles].reverse()) {
    created.push(await api(routes.tasks.create, { token: alice.token, body: { title, projectId: site.id } }));
  }

  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, alice, `/tasks?project=${site.id}`);
  await signIn(b.page, bob, `/tasks?project=${site.id}`);
  await Promise.all([waitForRows(a.page, titles), waitForRows(b.page, titles)]);
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);

  // Alice ticks the first task, then Shift-clicks the third: the three are selected.
  await a.page.getByLabel('Sélectionner Couler la dalle').check();
  await a.page.getByLabel('Sélectionner Commander le béton').click({ modifiers: ['Shift'] });
  await a.page.getByText('3 sélectionnées').waitFor();

  // One move for the whole selection: they leave Bob's Chantier list live.
  await a.page.getByRole('toolbar', { name: 'Actions sur la sélection' }).getByLabel('Déplacer vers…').selectOption(office.id);
  await waitForRows(b.page, []);
  await b.page.getByText('Aucune tâche ne correspond à ces filtres.').waitFor();
  await screenshot(a.page, 'tasks-bulk-moved');

  // Annuler puts them back in Chantier, for Bob too, in their order.
  await a.page.getByRole('status').getByRole('button', { name: 'Annuler' }).click();
  await waitForRows(b.page, titles);

  // A bulk delete of them all, then Annuler: the same tasks (same ids) come back on Bob's screen.
  await waitForRows(a.page, titles);
  await a.page.getByLabel('Tout sélectionner').check();
  await a.page.getByRole('button', { name: 'Supprimer la sélection' }).click();
  await waitForRows(b.page, []);
  await a.page.getByRole('status').getByText('3 tâches supprimées.').waitFor();
  await a.page.getByRole('status').getByRole('button', { name: 'Annuler' }).click();
  // Both screens get the restored tasks live, each in its own time.
  await Promise.all([waitForRows(b.page, titles), waitForRows(a.page, titles)]);
  const after = await api(routes.tasks.list, { token: bob.token });
  assert.deepEqual(after.items.map((task) => task.id).sort(), created.map((task) => task.id).sort());
  await a.context.close();
  await b.context.close();
});

test('Tâches keys: j/k move the active row, x selects it, e opens it, Ctrl+Enter saves the panel', async () => {
  const user = await newUser();
  for (const title of ['Deuxième', 'Première']) await api(routes.tasks.create, { token: user.token, body: { title } });
  const { context, page } = await newPage(browser);
  await signIn(page, user, '/tasks');
  await waitForRows(page, ['Première', 'Deuxième']);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await page.getByText('1 sélectionnée').waitFor();
  assert.equal(await page.getByLabel('Sélectionner Deuxième').isChecked(), true);
  await page.keyboard.press('e');
  const panel = page.getByRole('dialog', { name: 'Détails de Deuxième' });
  await panel.getByLabel('Notes (Markdown)').fill('À **vérifier** demain');
  await panel.getByLabel('Étiquettes').fill('béton, Urgent');
  await panel.getByLabel('Notes (Markdown)').focus();
  await page.keyboard.press('Control+Enter');
  await panel.waitFor({ state: 'detached' });
  await list(page).getByText('béton').waitFor();
  await page.keyboard.press('e');
  await page.getByRole('dialog', { name: 'Détails de Deuxième' }).getByRole('button', { name: 'Aperçu' }).click();
  await page.getByRole('dialog').locator('strong', { hasText: 'vérifier' }).waitFor();
  await context.close();
});

test('on a 390 px phone the filters fold behind one button; a deadline is typed in the preference zone, not the device’s', async () => {
  const user = await newUser();
  // The browser runs in Europe/Paris; the preference says UTC+14.
  await api(routes.preferences.update, { token: user.token, body: { timeZone: 'Pacific/Kiritimati' } });
  const task = await api(routes.tasks.create, { token: user.token, body: { title: 'Réserver le camion' } });
  const { context, page } = await newPage(browser, { width: 390, height: 844 });
  await signIn(page, user, '/tasks');
  await waitForRows(page, ['Réserver le camion']);
  const project = page.getByRole('group', { name: 'Filtres' }).getByLabel('Projet');
  assert.equal(await project.isVisible(), false);
  await page.getByRole('button', { name: 'Filtres' }).click();
  await project.waitFor();
  await page.getByLabel('Assignées à moi').check();
  await page.getByRole('button', { name: 'Filtres (1)' }).waitFor();
  await page.getByText('Aucune tâche ne correspond à ces filtres.').waitFor();
  await page.getByLabel('Assignées à moi').uncheck();

  const deadline = page.getByLabel('Échéance de Réserver le camion');
  await deadline.fill('25/12/2026');
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(task.id));
  await deadline.press('Enter');
  assert.equal((await (await saved).json()).deadline, '2026-12-25T09:59:59.999Z');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  await screenshot(page, 'tasks-phone-filters');
  await context.close();
});
