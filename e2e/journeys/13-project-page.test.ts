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

const title = (page: Page) => page.getByRole('heading', { level: 1 });

test("the project page follows the other member's edits live: a rename, a task, a link", async () => {
  const alice = await newUser({ displayName: 'Alice Martin' });
  const bob = await newUser({ displayName: 'Bob Durand' });
  const project = await api(routes.projects.create, { token: alice.token, body: { name: 'Lancement' } });
  await api(routes.projects.addMember, { token: alice.token, params: { id: project.id }, body: { username: bob.username } });
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, alice, `/projects/${project.id}`);
  await signIn(b.page, bob, `/projects/${project.id}`);
  await Promise.all([title(a.page).getByText('Lancement').waitFor(), title(b.page).getByText('Lancement').waitFor()]);
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);
  const members = await b.page.getByRole('list', { name: 'Membres' }).first().getByRole('listitem').all();
  assert.deepEqual(await Promise.all(members.map((m) => m.getAttribute('aria-label'))), [
    'Alice Martin, propriétaire',
    'Bob Durand, membre',
  ]);

  // Alice renames the project in place: Bob's page shows it without a reload.
  await title(a.page).getByRole('button', { name: 'Lancement' }).click();
  await a.page.getByRole('textbox', { name: 'Nom du projet' }).fill('Lancement v2');
  await a.page.keyboard.press('Enter');
  await title(b.page).getByText('Lancement v2').waitFor();

  // Bob adds a task from the page's quick add: it shows in Alice's tasks and activity.
  await b.page.getByRole('textbox', { name: 'Nouvelle tâche' }).fill('Réserver la salle');
  await b.page.keyboard.press('Enter');
  const aliceTasks = a.page.getByRole('region', { name: 'Tâches' });
  await aliceTasks.getByText('Réserver la salle').waitFor();
  const activity = a.page.getByRole('region', { name: 'Activité récente' });
  await activity.getByText('Ajout par Bob Durand').waitFor();

  // A link Alice files in the project reaches Bob's page.
  await a.page.getByRole('region', { name: 'Liens' }).getByLabel('Nom').fill('Cahier des charges');
  await a.page.getByRole('region', { name: 'Liens' }).getByLabel('Adresse').fill('specs.example.test');
  await a.page.getByRole('region', { name: 'Liens' }).getByRole('button', { name: 'Ajouter' }).click();
  await b.page.getByRole('region', { name: 'Liens' }).getByRole('link', { name: 'Cahier des charges' }).waitFor();
  await screenshot(b.page, 'project-page-light');
  await a.context.close();
  await b.context.close();
});

test('a project I cannot see is a clear not found, and project names lead to the page', async () => {
  const owner = await newUser();
  const stranger = await newUser();
  const project = await api(routes.projects.create, { token: owner.token, body: { name: 'Privé' } });
  const { context, page } = await newPage(browser);
  await signIn(page, stranger, `/projects/${project.id}`);
  await page.getByRole('alert').getByText('Projet introuvable').waitFor();
  await context.close();

  const mine = await newPage(browser);
  await signIn(mine.page, owner, '/projects');
  await mine.page.getByRole('list', { name: 'Tous les projets' }).getByRole('link', { name: 'Privé' }).click();
  await title(mine.page).getByText('Privé').waitFor();
  assert.equal(new URL(mine.page.url()).pathname, `/projects/${project.id}`);
  await mine.context.close();
});

test('the project page and both Projets views fit a 390 px phone', async () => {
  const user = await newUser({ displayName: 'Maximilienne de La Tour-Dupont-Moretti' });
  const longName = `Projet ${'intercontinental'.repeat(3)}`;
  const project = await api(routes.projects.create, {
    token: user.token,
    body: { name: longName, status: 'en cours de cadrage', targetDate: '2026-12-31T22:59:59.999Z', healthFlag: 'orange' },
  });
  await api(routes.tasks.create, { token: user.token, body: { title: `Tâche ${'x'.repeat(60)}`, projectId: project.id } });
  await api(routes.links.create, {
    token: user.token,
    body: { name: 'Référence', url: `https://example.test/${'chemin/'.repeat(20)}`, projectId: project.id },
  });
  const { context, page } = await newPage(browser, { width: 390, height: 844 });
  const fits = async (label: string) => {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    // The elements past the right edge, for the failure message: which one to fix.
    const past = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 6)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className.toString().replaceAll(' ', '.')}`),
    );
    assert.ok(scrollWidth <= innerWidth, `${label}: ${scrollWidth} px wide on a ${innerWidth} px screen (${past.join(', ')})`);
  };
  await signIn(page, user, `/projects/${project.id}`);
  await page.getByRole('region', { name: 'Liens' }).getByRole('link', { name: 'Référence' }).waitFor();
  await fits('project page');
  await page.goto('/projects');
  await page.getByRole('list', { name: 'Tous les projets' }).waitFor();
  await fits('Projets, list');
  await page.getByRole('radio', { name: 'Panorama' }).check();
  await page.getByRole('list', { name: 'Panorama' }).waitFor();
  await fits('Projets, Panorama');
  await screenshot(page, 'portfolio-phone');
  await context.close();
});
